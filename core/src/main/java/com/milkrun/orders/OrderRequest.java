package com.milkrun.orders;

import com.milkrun.shared.Input;
import java.math.BigDecimal;
import java.util.List;

/**
 * The command to quote or place an order, as the client sent it, before validation: every field keeps whether it was
 * left out or had the wrong type, so that {@link OrderValidator} answers each mistake with its own code.
 *
 * @param items the requested lines; empty when the field was left out or is not a list
 */
public record OrderRequest(List<Item> items, Input<String> deliveryDate, Input<String> addressId,
                           Input<String> paymentMethod, Input<Boolean> redeemPoints) {
    public OrderRequest {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Lines to a saved address for a date, paid on delivery, without spending points. */
    public static OrderRequest of(List<Item> items, String deliveryDate, String addressId) {
        return new OrderRequest(items, Input.of(deliveryDate), Input.of(addressId), Input.absent(), Input.absent());
    }

    /** One requested line; a line that is not a JSON object has every field {@link Input.Absent}. */
    public record Item(Input<String> productId, Input<String> vendorId, Input<BigDecimal> quantity) {
        public static Item of(String productId, String vendorId, int quantity) {
            return new Item(Input.of(productId), Input.of(vendorId), Input.of(BigDecimal.valueOf(quantity)));
        }

        /** A line that is not an object at all. */
        public static Item missing() {
            return new Item(Input.absent(), Input.absent(), Input.absent());
        }
    }
}
