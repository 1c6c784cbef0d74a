/**
 * In-memory adapters of every store port. They follow the same contract suites as the SQL adapters (including
 * keyset page tokens and optimistic locking), so tests and demos built on them behave like production.
 */
package com.milkrun.store.memory;
