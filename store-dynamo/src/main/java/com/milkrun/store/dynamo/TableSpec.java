package com.milkrun.store.dynamo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * One DynamoDB table as MilkRun's stores use it: its logical name (the SAM template's resource is
 * {@code <logicalName>Table}), the environment variable that names it in a deployment, its key and its global
 * secondary indexes (all projecting every attribute). Key attributes are strings. The SAM template declares exactly
 * these; tests create them from here.
 */
public record TableSpec(String logicalName, String envVar, String hashKey, Optional<String> rangeKey,
                        List<IndexSpec> indexes) {
    public TableSpec {
        indexes = List.copyOf(indexes);
    }

    /** A global secondary index: its name, partition key and optional sort key, projecting all attributes. */
    public record IndexSpec(String name, String hashKey, Optional<String> rangeKey) {
        public static IndexSpec of(String name, String hashKey, String rangeKey) {
            return new IndexSpec(name, hashKey, Optional.of(rangeKey));
        }

        public static IndexSpec of(String name, String hashKey) {
            return new IndexSpec(name, hashKey, Optional.empty());
        }
    }

    public static TableSpec of(String logicalName, String envVar, String hashKey, String rangeKey, IndexSpec... indexes) {
        return new TableSpec(logicalName, envVar, hashKey, Optional.ofNullable(rangeKey), List.of(indexes));
    }

    /** Every attribute that is part of a key of the table or of one of its indexes. */
    public List<String> keyAttributes() {
        Map<String, Boolean> names = new LinkedHashMap<>();
        names.put(hashKey, true);
        rangeKey.ifPresent(r -> names.put(r, true));
        for (IndexSpec index : indexes) {
            names.put(index.hashKey(), true);
            index.rangeKey().ifPresent(r -> names.put(r, true));
        }
        return List.copyOf(names.keySet());
    }

    /** The request that creates this table under {@code tableName}, billed on demand. */
    public CreateTableRequest createRequest(String tableName) {
        List<GlobalSecondaryIndex> gsis = new ArrayList<>();
        for (IndexSpec index : indexes) {
            gsis.add(GlobalSecondaryIndex.builder().indexName(index.name())
                    .keySchema(keySchema(index.hashKey(), index.rangeKey()))
                    .projection(Projection.builder().projectionType(ProjectionType.ALL).build()).build());
        }
        CreateTableRequest.Builder builder = CreateTableRequest.builder().tableName(tableName)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(keySchema(hashKey, rangeKey))
                .attributeDefinitions(keyAttributes().stream().map(name -> AttributeDefinition.builder()
                        .attributeName(name).attributeType(ScalarAttributeType.S).build()).toList());
        if (!gsis.isEmpty()) {
            builder.globalSecondaryIndexes(gsis);
        }
        return builder.build();
    }

    private static List<KeySchemaElement> keySchema(String hash, Optional<String> range) {
        List<KeySchemaElement> schema = new ArrayList<>();
        schema.add(KeySchemaElement.builder().attributeName(hash).keyType(KeyType.HASH).build());
        range.ifPresent(r -> schema.add(KeySchemaElement.builder().attributeName(r).keyType(KeyType.RANGE).build()));
        return schema;
    }
}
