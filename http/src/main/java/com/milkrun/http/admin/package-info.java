/** The back office over HTTP: users, vendor approval and the whole catalog. */
package com.milkrun.http.admin;
