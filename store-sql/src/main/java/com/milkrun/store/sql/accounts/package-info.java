/**
 * SQL adapters of the account ports: users with their addresses, credentials and one-time codes, refresh sessions
 * and the shared signing key.
 */
package com.milkrun.store.sql.accounts;
