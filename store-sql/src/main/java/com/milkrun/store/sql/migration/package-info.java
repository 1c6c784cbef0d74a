/** Migrations written in Java, for what SQL alone cannot do in both databases alike; {@code SqlDatabase} names each. */
package com.milkrun.store.sql.migration;
