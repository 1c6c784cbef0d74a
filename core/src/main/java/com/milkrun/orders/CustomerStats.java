package com.milkrun.orders;

/** Per customer: orders placed so far (the first one earns a discount) and loyalty points to spend. */
public record CustomerStats(String userId, int orderCount, int loyaltyPoints) {
    public static CustomerStats none(String userId) {
        return new CustomerStats(userId, 0, 0);
    }
}
