package com.milkrun.orders;

/**
 * An order request as the client sent it, before validation: values are whatever JSON held ({@code String},
 * {@code java.math.BigDecimal}, {@code Boolean}, {@code java.util.List}, {@code java.util.Map} or null), so that the
 * validator can answer every mistake with the seed's codes, the way the seed's {@code OrderValidator} does.
 *
 * @param items a list of maps with {@code productId}, {@code vendorId}, {@code quantity}
 */
public record OrderRequest(Object items, Object deliveryDate, Object addressId, Object paymentMethod, Object redeemPoints) {
}
