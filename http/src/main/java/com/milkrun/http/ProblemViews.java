package com.milkrun.http;

import com.milkrun.http.orders.OrderProblemViews;
import com.milkrun.orders.OrderProblem;
import com.milkrun.shared.Problem;
import java.util.Map;

/** Which capability renders a {@link Problem}: each sealed family has its views next to its routes. */
final class ProblemViews {
    private ProblemViews() {
    }

    /**
     * The fields the problem adds to the error envelope. A family without a case here adds none: the answer keeps
     * its status, {@code error} and {@code message} rather than turning into a 500 while an error is being
     * answered, and the family's own rendering test fails until its case is added.
     */
    static Map<String, Object> fields(Problem problem) {
        if (problem instanceof OrderProblem orders) {
            return OrderProblemViews.fields(orders);
        }
        return Map.of();
    }
}
