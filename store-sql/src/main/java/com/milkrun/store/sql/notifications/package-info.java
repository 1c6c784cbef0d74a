/** SQL adapter of the notification inbox. */
package com.milkrun.store.sql.notifications;
