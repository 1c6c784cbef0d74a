package com.milkrun.store.dynamo;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The actual name of each table in a deployment: the table's environment variable when it is set (the SAM template
 * sets one per table on every function), otherwise {@code <prefix><logical name in lower case>} (for a local
 * DynamoDB-compatible server, e.g. {@code milkrun-orders}).
 */
public final class DynamoTableNames {
    private final Map<String, String> byLogicalName;

    private DynamoTableNames(Map<String, String> byLogicalName) {
        this.byLogicalName = Map.copyOf(byLogicalName);
    }

    /**
     * @param environment how to read an environment variable (null when unset)
     * @param prefix      the prefix of a table whose variable is unset
     */
    public static DynamoTableNames of(List<TableSpec> tables, Function<String, String> environment, String prefix) {
        Map<String, String> names = new LinkedHashMap<>();
        for (TableSpec table : tables) {
            String configured = environment.apply(table.envVar());
            names.put(table.logicalName(), configured != null && !configured.isBlank() ? configured.strip()
                    : prefix + table.logicalName().toLowerCase(Locale.ROOT));
        }
        return new DynamoTableNames(names);
    }

    /** The name of the table of {@code spec}. */
    public String of(TableSpec spec) {
        String name = byLogicalName.get(spec.logicalName());
        if (name == null) {
            throw new IllegalArgumentException("no table named for " + spec.logicalName());
        }
        return name;
    }
}
