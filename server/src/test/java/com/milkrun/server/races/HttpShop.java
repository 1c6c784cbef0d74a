package com.milkrun.server.races;

import com.milkrun.demo.DemoData;
import com.milkrun.server.testing.Shop;
import java.util.List;

/** A customer's and a vendor's view of one running MilkRun server, over real HTTP, with the races' one-line orders. */
final class HttpShop extends Shop {
    HttpShop(int port) {
        super(port);
    }

    /** POST /orders of {@code quantity} units of one product, for the customer's home. */
    Answer order(String token, String key, String productId, String vendorId, int quantity) {
        return order(token, key, List.of(new Line(productId, vendorId, quantity)));
    }

    String vendorToken() {
        return login("vendor@milkrun.dev", DemoData.PASSWORD);
    }
}
