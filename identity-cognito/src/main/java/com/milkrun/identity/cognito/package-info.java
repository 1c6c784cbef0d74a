/**
 * The identity provider port served by an Amazon Cognito user pool, for the AWS deployment
 * ({@link com.milkrun.identity.cognito.CognitoIdentityProvider}): sign-up, codes, sign-in and refresh through the AWS
 * SDK, ID tokens checked locally against the pool's published keys ({@link com.milkrun.identity.cognito.IdTokenVerifier}),
 * configured by {@link com.milkrun.identity.cognito.CognitoSettings} and a client from
 * {@link com.milkrun.identity.cognito.CognitoClients}.
 */
package com.milkrun.identity.cognito;
