package com.milkrun.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
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
        CountDownLatch making = new CountDownLatch(1);
        CountDownLatch othersWaiting = new CountDownLatch(1);
        AtomicReference<Thread> maker = new AtomicReference<>();
        Lazy<Client> client = Lazy.of(() -> {
            maker.set(Thread.currentThread());
            making.countDown();
            await(othersWaiting);
            return new Client();
        });
        List<Client> answers = new CopyOnWriteArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            threads.add(Thread.ofPlatform().start(() -> answers.add(client.get())));
        }
        await(making);
        // every other caller is stopped at the lock while the first one makes the value
        until(() -> threads.stream().filter(t -> t != maker.get()).allMatch(t -> t.getState() == Thread.State.BLOCKED));
        othersWaiting.countDown();
        for (Thread thread : threads) {
            thread.join(Duration.ofSeconds(10));
        }

        assertThat(answers).hasSize(8).allSatisfy(answer -> assertThat(answer).isSameAs(client.get()));
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

    /** Polls {@code condition} until it holds, for at most 10 seconds. */
    private static void until(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("waited 10 s for the other callers to reach the lock");
            }
            LockSupport.parkNanos(Duration.ofMillis(1).toNanos());
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("waited 10 s for " + latch);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
