/** Notifications over HTTP: the back office's email outbox, and the JSON shapes of the inbox and the dev mailbox. */
package com.milkrun.http.notifications;
