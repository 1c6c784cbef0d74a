/**
 * Notifications to users: every message is kept in the user's in-app inbox (and the local dev mailbox) and, when an
 * email sender is configured, also sent by email.
 */
package com.milkrun.notifications;
