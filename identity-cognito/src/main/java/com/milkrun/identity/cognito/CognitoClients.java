package com.milkrun.identity.cognito;

import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClientBuilder;

/**
 * Builds the Cognito user pools client the identity provider calls: the settings' region and endpoint, the JDK's
 * URL connection as HTTP client (light to start on Lambda), and the SDK's default retries.
 */
public final class CognitoClients {
    private CognitoClients() {
    }

    /** A client with the default credentials chain (on Lambda, the function's role). The caller closes it. */
    public static CognitoIdentityProviderClient create(CognitoSettings settings) {
        return create(settings, DefaultCredentialsProvider.builder().build());
    }

    /** A client with the given credentials (a local server accepts any). The caller closes it. */
    public static CognitoIdentityProviderClient create(CognitoSettings settings, AwsCredentialsProvider credentials) {
        CognitoIdentityProviderClientBuilder builder = CognitoIdentityProviderClient.builder()
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .httpClient(UrlConnectionHttpClient.create());
        settings.endpoint().ifPresent(builder::endpointOverride);
        return builder.build();
    }
}
