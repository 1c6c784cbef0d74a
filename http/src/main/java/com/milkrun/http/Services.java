package com.milkrun.http;

import com.milkrun.accounts.AccountService;
import com.milkrun.catalog.CatalogService;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.OrderService;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * What the routes call.
 *
 * @param jwks          the public signing keys, when MilkRun issues its own tokens
 * @param databaseReady whether the store answers, for {@code /health}
 */
public record Services(AccountService accounts, CatalogService catalog, OrderService orders, NotificationStore notifications,
                       Optional<Supplier<String>> jwks, BooleanSupplier databaseReady) {
}
