package com.milkrun.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.app.MilkRun;
import com.milkrun.app.api.TestConfigs;
import com.milkrun.http.ApiRequest;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The SnapStart priming hook, called as the runtime would before a checkpoint. */
class SnapStartPrimingTest {
    @Test
    void primes_through_the_router_reading_only() {
        try (MilkRun app = MilkRun.start(TestConfigs.memory())) {
            SnapStartPriming priming = SnapStartPriming.register(app.router(), app::makeClients);

            assertThat(priming.prime()).containsExactly(200, 200, 200, 401);
            assertThat(app.router().handle(new ApiRequest("GET", "/products", Map.of(), Map.of(), new byte[0], "127.0.0.1",
                    "after")).status()).isEqualTo(200);
        }
    }

    @Test
    void before_the_checkpoint_the_clients_made_on_first_use_are_made() {
        try (MilkRun app = MilkRun.start(TestConfigs.memory())) {
            AtomicInteger made = new AtomicInteger();
            SnapStartPriming priming = SnapStartPriming.register(app.router(), made::incrementAndGet);

            priming.beforeCheckpoint(null);

            assertThat(made).hasValue(1);
        }
    }
}
