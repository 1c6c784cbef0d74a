/** SQL adapter of the notification inbox and its email outbox. */
package com.milkrun.store.sql.notifications;
