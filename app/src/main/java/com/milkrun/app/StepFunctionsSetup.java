package com.milkrun.app;

import java.net.URI;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/** The Step Functions client of the order API: AWS's endpoint in the region, or a configured compatible one. */
final class StepFunctionsSetup {
    private StepFunctionsSetup() {
    }

    static SfnClient client(Config.StepFunctions settings, String region) {
        SfnClientBuilder builder = SfnClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create());
        if (settings.endpoint().isPresent()) {
            builder.endpointOverride(URI.create(settings.endpoint().get()));
            if (System.getenv("AWS_ACCESS_KEY_ID") == null) {
                builder.credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")));
            }
        } else {
            builder.credentialsProvider(DefaultCredentialsProvider.builder().build());
        }
        return builder.build();
    }
}
