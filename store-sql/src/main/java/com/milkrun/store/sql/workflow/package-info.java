/**
 * SQL adapter of the workflow store: runs in {@code workflow_runs}, changed only by conditional UPDATEs on their
 * version (or, for a claim, their due time and lease), and their history in {@code workflow_history}, a page of events per
 * write, written in the same transaction.
 */
package com.milkrun.store.sql.workflow;
