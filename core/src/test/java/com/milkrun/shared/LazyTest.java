package com.milkrun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LazyTest {
    private final AtomicInteger made = new AtomicInteger();

    private final class Client implements AutoCloseable {
        final int number = made.incrementAndGet();
        boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }

    @Test
    void nothingIsMadeUntilTheFirstCallWhichMakesItOnce() {
        Lazy<Client> client = Lazy.of(Client::new);

        assertThat(made).hasValue(0);
        assertThat(client.ifMade()).isEmpty();
        Client first = client.get();
        assertThat(client.get()).isSameAs(first);
        assertThat(client.ifMade()).containsSame(first);
        assertThat(made).hasValue(1);
    }

    @Test
    void threadsRacingForTheFirstCallGetOneValue() throws Exception {
        Lazy<Client> client = Lazy.of(() -> {
            sleepBriefly();
            return new Client();
        });
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Client>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> {
                    go.await();
                    return client.get();
                }));
            }
            go.countDown();
            for (Future<Client> answer : answers) {
                assertThat(answer.get()).isSameAs(client.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(made).hasValue(1);
    }

    @Test
    void aMakerThatFailsMakesNothingAndTheNextCallTriesAgain() {
        AtomicInteger calls = new AtomicInteger();
        Lazy<Client> client = Lazy.of(() -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("endpoint not reachable");
            }
            return new Client();
        });

        assertThatThrownBy(client::get).hasMessage("endpoint not reachable");
        assertThat(client.ifMade()).isEmpty();
        assertThat(client.get().number).isEqualTo(1);
    }

    @Test
    void closingClosesWhatWasMadeAndNothingIsMadeAfter() {
        Lazy<Client> client = Lazy.of(Client::new);
        Client first = client.get();

        client.close();

        assertThat(first.closed).isTrue();
        assertThatThrownBy(client::get).isInstanceOf(IllegalStateException.class);
        assertThat(made).hasValue(1);
    }

    @Test
    void closingWhatWasNeverMadeMakesNothing() {
        Lazy<Client> client = Lazy.of(Client::new);

        client.close();

        assertThat(made).hasValue(0);
        assertThatThrownBy(client::get).isInstanceOf(IllegalStateException.class);
    }

    private static void sleepBriefly() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
