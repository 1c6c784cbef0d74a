package com.milkrun.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class RouteTest {
    private static final Route PRODUCT = Route.open("GET", "/vendor/products/{productId}/stock", "SetStock", call -> null);

    @Test
    void matches_a_path_and_names_its_parameters() {
        assertThat(PRODUCT.match(Route.split("/vendor/products/prod-milk-500ml/stock")))
                .contains(Map.of("productId", "prod-milk-500ml"));
    }

    @Test
    void ignores_doubled_and_trailing_slashes() {
        assertThat(PRODUCT.match(Route.split("//vendor/products/prod-milk-500ml/stock/"))).isPresent();
    }

    @Test
    void does_not_match_other_paths() {
        assertThat(PRODUCT.match(Route.split("/vendor/products/prod-milk-500ml"))).isEmpty();
        assertThat(PRODUCT.match(Route.split("/vendor/items/prod-milk-500ml/stock"))).isEmpty();
        assertThat(PRODUCT.match(Route.split("/"))).isEmpty();
    }
}
