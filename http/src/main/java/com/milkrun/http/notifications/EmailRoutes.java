package com.milkrun.http.notifications;

import com.milkrun.access.Capability;
import com.milkrun.http.ApiResponse;
import com.milkrun.http.Call;
import com.milkrun.http.Responses;
import com.milkrun.http.Route;
import com.milkrun.http.Services;
import com.milkrun.http.JsonViews;
import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.ValidationException;
import java.util.List;
import java.util.Optional;

/** The back office's email outbox: emails by status (the dead letters above all) and retrying a dead one. */
public final class EmailRoutes {
    private final Notifications messaging;

    public EmailRoutes(Services services) {
        this.messaging = services.messaging();
    }

    public List<Route> routes() {
        return List.of(
                Route.secured("GET", "/admin/emails", "ListEmails", Capability.OPERATE_PLATFORM, this::list),
                Route.secured("POST", "/admin/emails/{notificationId}/retry", "RetryEmail", Capability.OPERATE_PLATFORM,
                        this::retry));
    }

    private ApiResponse list(Call call) {
        Optional<EmailStatus> status = call.query("status").map(String::strip).filter(s -> !s.isEmpty()).map(s ->
                EmailStatus.fromWireName(s).orElseThrow(() -> ValidationException.of("status",
                        "Status must be one of Pending, Sent, Dead", "INVALID_STATUS")));
        return Responses.ok(JsonViews.page(messaging.emails(call.caller(), status, call.page()), NotificationViews::email));
    }

    private ApiResponse retry(Call call) {
        return Responses.ok(NotificationViews.email(messaging.retry(call.caller(), call.path("notificationId"))));
    }
}
