package com.milkrun.http.operations;

import com.milkrun.http.ApiResponse;
import com.milkrun.http.ApiSettings;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.JsonViews;
import com.milkrun.http.notifications.NotificationViews;
import com.milkrun.notifications.NotificationStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Health, the public signing keys and, in the local deployment, the dev mailbox. */
public final class OperationsRoutes {
    private final Services services;
    private final ApiSettings settings;

    public OperationsRoutes(Services services, ApiSettings settings) {
        this.services = services;
        this.settings = settings;
    }

    public List<Route> routes() {
        List<Route> routes = new ArrayList<>();
        routes.add(Route.open("GET", "/health", "Health", this::health));
        services.jwks().ifPresent(jwks -> routes.add(Route.open("GET", "/.well-known/jwks.json", "Jwks",
                call -> Responses.rawJson(200, jwks.get()))));
        if (settings.devMailbox()) {
            routes.add(Route.open("GET", "/dev/mailbox", "DevMailbox", this::mailbox));
        }
        return routes;
    }

    private ApiResponse health(Call call) {
        boolean database = services.databaseReady().getAsBoolean();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", database ? "ok" : "degraded");
        body.put("database", database ? "ok" : "unavailable");
        return Responses.json(database ? 200 : 503, body);
    }

    private ApiResponse mailbox(Call call) {
        NotificationStore store = services.notifications();
        Optional<String> email = call.query("email").map(e -> e.strip().toLowerCase(java.util.Locale.ROOT)).filter(e -> !e.isEmpty());
        return Responses.ok(JsonViews.page(store.listRecent(email, call.page()), NotificationViews::mail));
    }
}
