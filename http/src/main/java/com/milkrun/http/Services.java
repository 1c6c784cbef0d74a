package com.milkrun.http;

import com.milkrun.accounts.AccountService;
import com.milkrun.catalog.CatalogService;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.notifications.Notifications;
import com.milkrun.orders.OrderUseCases;
import com.milkrun.workflow.WorkflowRuns;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the routes call.
 *
 * @param messaging     sending notifications and the email outbox
 * @param runs          the order workflow's runs
 * @param jwks          the public signing keys, when MilkRun issues its own tokens
 * @param databaseReady whether the store answers, for {@code /health}
 */
public record Services(AccountService accounts, CatalogService catalog, OrderUseCases orders, NotificationStore notifications,
                       Notifications messaging, WorkflowRuns runs, Optional<Supplier<String>> jwks,
                       BooleanSupplier databaseReady) {
}
