package com.milkrun.orders;

import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds orders still {@code Pending} well after they were placed and asks the workflow to make sure they are being
 * processed. Where the workflow keeps its runs apart from the order (Step Functions), the start made after the order
 * committed can be lost (the process died, the service did not answer); starting again is safe, since an order's
 * processing is named after it. Run on a schedule; where the run is stored with the order, it finds nothing to do.
 */
public final class ResumeStalledOrders {
    /** How long a new order may stay {@code Pending} before it counts as stalled: its first steps take seconds. */
    public static final Duration GRACE = Duration.ofMinutes(2);
    private static final int PAGE = PageRequest.MAX_LIMIT;
    private static final OrderQuery PENDING = new OrderQuery(Optional.of(OrderStatus.PENDING), Optional.empty(),
            Optional.empty(), Optional.empty());

    private final OrderStore orders;
    private final OrderProcessing processing;
    private final Clock clock;

    public ResumeStalledOrders(OrderStore orders, OrderProcessing processing, Clock clock) {
        this.orders = Objects.requireNonNull(orders, "orders");
        this.processing = Objects.requireNonNull(processing, "processing");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Resumes every order placed at least {@link #GRACE} ago that is still {@code Pending}; answers how many.
     *
     * @throws IllegalStateException when some could not be resumed (the workflow service did not answer): the
     *         others are resumed all the same, and the next sweep tries those again
     */
    public int resume() {
        Instant placedBefore = clock.instant().minus(GRACE);
        int resumed = 0;
        int failed = 0;
        String firstFailed = null;
        RuntimeException firstFailure = null;
        String token = null;
        do {
            Page<Order> page = orders.list(PENDING, new PageRequest(PAGE, token));
            for (Order order : page.items()) {
                if (order.createdAt().isAfter(placedBefore)) {
                    continue;
                }
                try {
                    processing.resume(order);
                    resumed++;
                } catch (RuntimeException e) {
                    if (failed++ == 0) {
                        firstFailed = order.orderId();
                        firstFailure = e;
                    }
                }
            }
            token = page.nextToken().orElse(null);
        } while (token != null);
        if (failed > 0) {
            throw new IllegalStateException(failed + " stalled order(s) could not be resumed (" + resumed
                    + " were), first " + firstFailed, firstFailure);
        }
        return resumed;
    }
}
