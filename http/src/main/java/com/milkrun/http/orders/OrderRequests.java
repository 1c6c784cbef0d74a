package com.milkrun.http.orders;

import com.milkrun.http.Body;
import com.milkrun.orders.OrderRequest;

/** Reads order request bodies into the orders' commands. */
final class OrderRequests {
    private OrderRequests() {
    }

    /** The body of {@code POST /orders} and {@code POST /orders/quote}. */
    static OrderRequest order(Body body) {
        OrderRequest request = new OrderRequest(body.raw("items"), body.raw("deliveryDate"), body.raw("addressId"),
                body.raw("paymentMethod"), body.raw("redeemPoints"));
        body.throwIfWrongTypes();
        return request;
    }
}
