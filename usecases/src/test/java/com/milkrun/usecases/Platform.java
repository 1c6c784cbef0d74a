package com.milkrun.usecases;

import com.milkrun.access.Principal;
import com.milkrun.accounts.User;
import com.milkrun.catalog.Product;
import com.milkrun.catalog.Vendor;
import com.milkrun.inventory.StockKey;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.Notifications;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.memory.InMemoryStores;
import com.milkrun.stores.Stores;
import com.milkrun.testing.Times;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

/**
 * Everything a use case needs, in memory: fresh stores, a clock stopped at the morning run, notifications kept in
 * the inbox only (no email), and quick ways to put the Object Mothers in place.
 */
final class Platform {
    final Stores stores = InMemoryStores.create();
    final Clock clock = Clock.fixed(Times.MORNING_RUN, ZoneOffset.UTC);
    final Notifications notifications = new Notifications(stores.notifications(), Optional.empty(), clock);
    final RecordingIdentityProvider identity = new RecordingIdentityProvider();

    User stored(User user) {
        return stores.users().create(user);
    }

    Vendor stored(Vendor vendor) {
        return stores.vendors().create(vendor);
    }

    /** Stores the product with {@code units} in stock. */
    Product stocked(Product product, int units) {
        Product stored = stores.products().create(product);
        stores.stock().setStock(new StockKey(product.vendorId(), product.productId()), units);
        return stored;
    }

    /** The subjects of a user's inbox, newest first. */
    List<String> inboxSubjects(String userId) {
        return stores.notifications().listForUser(userId, PageRequest.first(100)).items().stream()
                .map(Notification::subject).toList();
    }

    static Principal signedIn(User user) {
        return new Principal(user.userId(), user.email(), user.name(), user.role());
    }
}
