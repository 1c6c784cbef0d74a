package com.milkrun.http;

import com.milkrun.accounts.MyAccount;
import com.milkrun.accounts.SignIn;
import com.milkrun.backoffice.CatalogAdministration;
import com.milkrun.backoffice.UserAdministration;
import com.milkrun.catalog.Shop;
import com.milkrun.catalog.VendorPortal;
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
 * @param signIn        registering, signing in and out, and identifying callers
 * @param myAccount     the caller's profile and addresses
 * @param shop          the public shop
 * @param vendorPortal  a vendor's own profile, products and stock
 * @param users         the back office's user administration
 * @param catalogAdmin  the back office's view of the catalog and vendor approval
 * @param messaging     sending notifications and the email outbox
 * @param runs          the order workflow's runs
 * @param jwks          the public signing keys, when MilkRun issues its own tokens
 * @param databaseReady whether the store answers, for {@code /health}
 */
public record Services(SignIn signIn, MyAccount myAccount, Shop shop, VendorPortal vendorPortal, UserAdministration users,
                       CatalogAdministration catalogAdmin, OrderUseCases orders, NotificationStore notifications,
                       Notifications messaging, WorkflowRuns runs, Optional<Supplier<String>> jwks,
                       BooleanSupplier databaseReady) {
}
