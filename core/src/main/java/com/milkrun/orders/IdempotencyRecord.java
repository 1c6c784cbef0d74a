package com.milkrun.orders;

import java.time.Instant;

/** The order a customer's {@code Idempotency-Key} created, and a hash of the request that created it. */
public record IdempotencyRecord(String userId, String key, String requestHash, String orderId, Instant createdAt) {
}
