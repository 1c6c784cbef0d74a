/**
 * The identity provider port served by an Amazon Cognito user pool, for the AWS deployment, configured by
 * {@link com.milkrun.identity.cognito.CognitoSettings} and a client from
 * {@link com.milkrun.identity.cognito.CognitoClients}.
 */
package com.milkrun.identity.cognito;
