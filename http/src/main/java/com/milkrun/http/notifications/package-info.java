/** Notifications over HTTP: the JSON shapes of the inbox, the dev mailbox and the email outbox. */
package com.milkrun.http.notifications;
