package com.milkrun.identity.cognito;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class CognitoSettingsTest {
    @Test
    void onAwsTheIssuerAndKeySetFollowFromTheRegionAndPool() {
        CognitoSettings settings = CognitoSettings.of("ap-south-1", "ap-south-1_AbCd1234", "client-1");

        assertThat(settings.issuer()).isEqualTo("https://cognito-idp.ap-south-1.amazonaws.com/ap-south-1_AbCd1234");
        assertThat(settings.jwksUrl()).isEqualTo(
                URI.create("https://cognito-idp.ap-south-1.amazonaws.com/ap-south-1_AbCd1234/.well-known/jwks.json"));
        assertThat(settings.endpoint()).isEmpty();
    }

    @Test
    void withALocalEndpointTheIssuerIsTheEndpointAndPool() {
        CognitoSettings settings = CognitoSettings.of("ap-south-1", "local_AbCd1234", "client-1")
                .withEndpoint(URI.create("http://127.0.0.1:9229/"));

        assertThat(settings.issuer()).isEqualTo("http://127.0.0.1:9229/local_AbCd1234");
        assertThat(settings.jwksUrl()).isEqualTo(URI.create("http://127.0.0.1:9229/local_AbCd1234/.well-known/jwks.json"));
    }

    @Test
    void theIssuerAndKeySetCanBeGivenOutright() {
        CognitoSettings settings = new CognitoSettings("ap-south-1", "ap-south-1_AbCd1234", "client-1",
                Optional.of(URI.create("https://vpce-1.cognito-idp.ap-south-1.vpce.amazonaws.com")),
                Optional.of("https://cognito-idp.ap-south-1.amazonaws.com/ap-south-1_AbCd1234"),
                Optional.of(URI.create("https://keys.milkrun.example/jwks.json")));

        assertThat(settings.issuer()).isEqualTo("https://cognito-idp.ap-south-1.amazonaws.com/ap-south-1_AbCd1234");
        assertThat(settings.jwksUrl()).isEqualTo(URI.create("https://keys.milkrun.example/jwks.json"));
    }

    @Test
    void theEnvironmentNamesThePoolTheClientAndOptionallyALocalEndpoint() {
        CognitoSettings settings = CognitoSettings.fromEnvironment(Map.of(
                "AWS_REGION", "ap-south-1",
                "COGNITO_USER_POOL_ID", " local_AbCd1234 ",
                "COGNITO_CLIENT_ID", "client-1",
                "MILKRUN_COGNITO_ENDPOINT", "http://127.0.0.1:9229",
                "MILKRUN_COGNITO_JWKS_URL", ""));

        assertThat(settings).isEqualTo(new CognitoSettings("ap-south-1", "local_AbCd1234", "client-1",
                Optional.of(URI.create("http://127.0.0.1:9229")), Optional.empty(), Optional.empty()));
    }

    @Test
    void missingVariablesAreNamedTogether() {
        assertThatThrownBy(() -> CognitoSettings.fromEnvironment(Map.of("AWS_REGION", "ap-south-1",
                "COGNITO_CLIENT_ID", " ")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("The Cognito identity provider needs COGNITO_USER_POOL_ID, COGNITO_CLIENT_ID");
    }

    @Test
    void anEndpointMustBeAnAbsoluteHttpUrl() {
        assertThatThrownBy(() -> CognitoSettings.fromEnvironment(Map.of("AWS_REGION", "ap-south-1",
                "COGNITO_USER_POOL_ID", "local_AbCd1234", "COGNITO_CLIENT_ID", "client-1",
                "MILKRUN_COGNITO_ENDPOINT", "127.0.0.1:9229")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("MILKRUN_COGNITO_ENDPOINT must be an absolute http(s) URL");
    }
}
