/** Operations over HTTP: health, the public signing keys and the local dev mailbox. */
package com.milkrun.http.operations;
