/**
 * Limits at the API's edge that keep one client or one account from taking more than its share
 * ({@link com.milkrun.http.limits.RequestLimiter}) and from guessing passwords and codes
 * ({@link com.milkrun.http.limits.AttemptGuard}). They depend on nothing else in {@code http}: the router asks them
 * and turns a refusal into a 429.
 */
package com.milkrun.http.limits;
