/**
 * Inventory per (vendor, product): {@code stock} on hand and {@code reserved} for orders not yet delivered;
 * {@code available = stock - reserved}. Stock never goes below what is reserved, under any concurrency.
 */
package com.milkrun.inventory;
