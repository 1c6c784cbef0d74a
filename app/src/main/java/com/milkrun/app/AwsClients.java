package com.milkrun.app;

import com.milkrun.mail.SesEmailSender;
import com.milkrun.mail.SesSettings;
import java.net.URI;
import java.util.Optional;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sfn.SfnClient;
import software.amazon.awssdk.services.sfn.SfnClientBuilder;

/**
 * The AWS clients of the composition root, each against AWS's regional endpoint or a configured compatible one (a
 * local server in tests). On AWS credentials come from the SDK's default chain (the function's role); against a
 * local endpoint without AWS credentials in the environment, from placeholders such servers accept.
 */
final class AwsClients {
    private AwsClients() {
    }

    static SfnClient stepFunctions(Config.StepFunctions settings, String region) {
        SfnClientBuilder builder = SfnClient.builder().region(Region.of(region)).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(credentials(settings.endpoint()));
        settings.endpoint().ifPresent(endpoint -> builder.endpointOverride(URI.create(endpoint)));
        return builder.build();
    }

    static SesEmailSender ses(Config.Ses settings, String region) {
        return new SesEmailSender(new SesSettings(region, settings.from(), settings.endpoint().map(URI::create),
                settings.configurationSet()), credentials(settings.endpoint()));
    }

    /** The credentials for a client of {@code endpoint} (empty: AWS). */
    static AwsCredentialsProvider credentials(Optional<String> endpoint) {
        if (endpoint.isPresent() && System.getenv("AWS_ACCESS_KEY_ID") == null) {
            return StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        }
        return DefaultCredentialsProvider.builder().build();
    }
}
