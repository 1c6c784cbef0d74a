package com.milkrun.app;

import com.milkrun.accounts.CredentialStore;
import com.milkrun.accounts.SessionStore;
import com.milkrun.accounts.SigningKeyStore;
import com.milkrun.accounts.UserStore;
import com.milkrun.catalog.ProductStore;
import com.milkrun.catalog.VendorStore;
import com.milkrun.inventory.StockStore;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.orders.OrderStore;
import com.milkrun.workflow.WorkflowStore;
import java.util.function.BooleanSupplier;

/** One adapter of every store port, from one technology, plus a liveness check and a way to close them. */
public record Stores(UserStore users, CredentialStore credentials, SessionStore sessions, SigningKeyStore signingKeys,
                     NotificationStore notifications, VendorStore vendors, ProductStore products, StockStore stock,
                     OrderStore orders, WorkflowStore workflows, BooleanSupplier ready, AutoCloseable closer) {
}
