/** SQL adapters of the catalog ports: vendors with the pincodes they serve, and their products. */
package com.milkrun.store.sql.catalog;
