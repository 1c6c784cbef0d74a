package com.milkrun.http.orders;

import com.milkrun.http.Body;
import com.milkrun.orders.OrderRequest;

/** Reads order request bodies into the orders' commands. */
final class OrderRequests {
    private OrderRequests() {
    }

    /**
     * The body of {@code POST /orders} and {@code POST /orders/quote}. Wrong types stay in the command as such: the
     * order's validator answers them with its own codes, together with every other mistake of the request.
     */
    static OrderRequest order(Body body) {
        return new OrderRequest(
                body.objects("items").stream()
                        .map(item -> item.map(OrderRequests::item).orElseGet(OrderRequest.Item::missing))
                        .toList(),
                body.textInput("deliveryDate"), body.textInput("addressId"), body.textInput("paymentMethod"),
                body.flagInput("redeemPoints"));
    }

    private static OrderRequest.Item item(Body item) {
        return new OrderRequest.Item(item.textInput("productId"), item.textInput("vendorId"), item.numberInput("quantity"));
    }
}
