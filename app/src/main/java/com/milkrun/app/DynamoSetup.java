package com.milkrun.app;

import com.milkrun.store.dynamo.CapacityMeter;
import com.milkrun.store.dynamo.DynamoStores;
import com.milkrun.store.dynamo.DynamoTableNames;
import com.milkrun.stores.Stores;
import java.net.URI;
import java.time.Clock;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * Opens the DynamoDB stores: one client (the URL-connection HTTP client, light on a Lambda cold start), in the
 * configured region, against AWS or a configured DynamoDB-compatible endpoint. Against a local endpoint without AWS
 * credentials in the environment it signs with placeholder credentials, which such servers accept.
 */
final class DynamoSetup {
    private DynamoSetup() {
    }

    static Stores open(Config.Dynamo settings, Clock clock) {
        DynamoDbClientBuilder builder = DynamoDbClient.builder().region(Region.of(settings.region()))
                .httpClient(UrlConnectionHttpClient.create());
        builder.credentialsProvider(AwsClients.credentials(settings.endpoint()));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        CapacityMeter.fromSystemProperty().ifPresent(meter -> builder.overrideConfiguration(c -> c.addExecutionInterceptor(meter)));
        DynamoDbClient dynamo = builder.build();
        try {
            DynamoTableNames names = DynamoTableNames.of(DynamoStores.TABLES, settings.tables()::get, settings.tablePrefix());
            if (settings.createTables()) {
                DynamoStores.createMissingTables(dynamo, names);
            }
            return DynamoStores.of(dynamo, names, clock);
        } catch (RuntimeException e) {
            dynamo.close();
            throw e;
        }
    }
}
