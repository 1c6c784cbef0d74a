package com.milkrun.store.sql.testing;

import com.milkrun.store.sql.SqlDatabase;
import com.milkrun.store.sql.SqlStores;
import com.milkrun.stores.Stores;
import java.time.Clock;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.opentest4j.TestAbortedException;

/**
 * A migrated database of its own for one test class. As a JUnit extension (a static {@code @RegisterExtension}
 * field) it is created before all tests, emptied before each and dropped after all; other code may call
 * {@link #start}, {@link #clear} and {@link #close} itself.
 */
public abstract class TestDatabase implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback, AutoCloseable {
    private SqlDatabase database;
    private Stores stores;
    private String unavailable;

    /** Creates and migrates the database, once. */
    public final synchronized SqlDatabase start() {
        if (database == null) {
            database = open();
            stores = SqlStores.of(database, Clock.systemUTC());
        }
        return database;
    }

    /** The migrated database; {@link #start} must have run. */
    public final synchronized SqlDatabase database() {
        if (database == null) {
            throw new IllegalStateException("the test database is not started");
        }
        return database;
    }

    /** The stores on the database. */
    public final synchronized Stores stores() {
        database();
        return stores;
    }

    /** Empties every table. */
    public final void clear() {
        SqlTables.clear(database());
    }

    /** Closes the pool and removes the database. */
    @Override
    public final synchronized void close() {
        if (database != null) {
            database.close();
            database = null;
            stores = null;
            dispose();
        }
    }

    /**
     * Starts the database. When it cannot be had and the test class is to be skipped, each test is skipped with the
     * reason instead: Surefire reports tests skipped one by one, but says nothing of a class skipped as a whole.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        try {
            start();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (unavailable != null) {
            Assumptions.abort(unavailable);
        }
        clear();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Creates a fresh database and opens it with {@link SqlDatabase#open}, which migrates it. */
    protected abstract SqlDatabase open();

    /** Removes the database after its pool was closed. */
    protected abstract void dispose();
}
