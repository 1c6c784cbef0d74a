/** SQL adapter of the inventory port: stock and reserved units per (vendor, product), guarded by CHECK constraints. */
package com.milkrun.store.sql.inventory;
