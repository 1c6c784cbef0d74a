package com.milkrun.http;

import com.milkrun.accounts.AccountService;
import com.milkrun.http.orders.OrderRoutes;
import java.util.ArrayList;
import java.util.List;

/** Builds the router with every route of the API. */
public final class Api {
    private Api() {
    }

    public static ApiRouter router(Services services, ApiSettings settings, JsonLog log) {
        List<Route> routes = new ArrayList<>();
        routes.addAll(new AccountRoutes(services).routes());
        routes.addAll(new CatalogRoutes(services).routes());
        routes.addAll(new AdminRoutes(services).routes());
        routes.addAll(new OrderRoutes(services.orders()).routes());
        routes.addAll(new WorkflowRoutes(services).routes());
        routes.addAll(new OperationsRoutes(services, settings).routes());
        AccountService accounts = services.accounts();
        return new ApiRouter(routes, accounts, settings, log);
    }
}
