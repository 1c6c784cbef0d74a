/**
 * The local identity adapters: bcrypt password hashing ({@link com.milkrun.identity.BcryptPasswordHasher}) and
 * RS256 JWTs shaped like Cognito's ({@link com.milkrun.identity.JwtTokenService}), so that the web client and the API
 * treat a locally issued ID token exactly like one from a Cognito user pool. {@link com.milkrun.identity.SigningKeys}
 * chooses the signing key: configured, or generated once and shared through the store.
 */
package com.milkrun.identity;
