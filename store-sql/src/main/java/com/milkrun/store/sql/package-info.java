/**
 * Plain-JDBC adapters of the store ports for embedded H2 and PostgreSQL: {@link com.milkrun.store.sql.SqlDatabase}
 * (pool and Flyway migrations), the {@link com.milkrun.store.sql.Jdbc} helper, keyset pagination, and one
 * sub-package per capability.
 */
package com.milkrun.store.sql;
