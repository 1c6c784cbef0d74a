package com.milkrun.orders;

/** A line that cannot be reserved: how many were asked for and how many are left. */
public record Shortage(String productId, String vendorId, String productName, int availableQuantity, int requestedQuantity) {
}
