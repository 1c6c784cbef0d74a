/**
 * Accounts and identity: registration, email verification, sign-in with rotating refresh tokens, password reset,
 * profiles and delivery addresses, roles and the one place where role rules are decided ({@link com.milkrun.access.Access}).
 * Locally MilkRun is its own identity provider ({@link com.milkrun.accounts.LocalIdentityProvider}); on AWS the same
 * {@link com.milkrun.accounts.IdentityProvider} port is served by Cognito.
 */
package com.milkrun.accounts;
import com.milkrun.access.Access;
