package com.milkrun.http;

import com.milkrun.http.accounts.AccountRoutes;
import com.milkrun.http.admin.AdminRoutes;
import com.milkrun.http.catalog.CatalogRoutes;
import com.milkrun.http.notifications.EmailRoutes;
import com.milkrun.http.operations.OperationsRoutes;
import com.milkrun.http.workflow.WorkflowRoutes;
import java.time.Clock;
import com.milkrun.http.orders.OrderRoutes;
import java.util.ArrayList;
import java.util.List;

/** Builds the router with every route of the API. */
public final class Api {
    private Api() {
    }

    public static ApiRouter router(Services services, ApiSettings settings, JsonLog log) {
        return router(services, settings, log, Clock.systemUTC());
    }

    /** The router, with rate limits and attempt counts going by {@code clock}. */
    public static ApiRouter router(Services services, ApiSettings settings, JsonLog log, Clock clock) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new AccountRoutes(services).routes());
        routes.addAll(new CatalogRoutes(services).routes());
        routes.addAll(new AdminRoutes(services).routes());
        routes.addAll(new OrderRoutes(services.orders()).routes());
        routes.addAll(new WorkflowRoutes(services).routes());
        routes.addAll(new EmailRoutes(services).routes());
        routes.addAll(new OperationsRoutes(services, settings).routes());
        return new ApiRouter(routes, services.signIn(), settings, log, clock);
    }
}
