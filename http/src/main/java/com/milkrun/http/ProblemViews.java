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
     * The fields the problem adds to the error envelope.
     *
     * @throws IllegalStateException for a kind of problem no capability renders (a programming error)
     */
    static Map<String, Object> fields(Problem problem) {
        if (problem instanceof OrderProblem orders) {
            return OrderProblemViews.fields(orders);
        }
        throw new IllegalStateException("no view for " + problem.getClass().getName());
    }
}
