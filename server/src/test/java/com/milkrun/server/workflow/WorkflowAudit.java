package com.milkrun.server.workflow;

import com.milkrun.server.testing.Shop;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.StreamSupport;

/**
 * Looks at every order of some customers after the order workflow has run, from the outside (the API), and lists
 * every way the outcome differs from "each step applied exactly once": an order not confirmed, a timeline entry
 * missing or doubled, a run not succeeded or a task succeeding twice, a message missing or sent twice, stock
 * reserved that no order holds.
 */
final class WorkflowAudit {
    static final List<String> CONFIRMED_TIMELINE = List.of("Placed", "VendorsNotified", "Confirmed");
    static final List<String> TASKS = List.of("NotifyVendors", "UpdateOrderStatus", "NotifyCustomer");

    private final Shop shop;
    private final String admin;
    private final Map<String, String> vendorTokens;

    /**
     * @param vendorTokens the token of each vendor's owner, by vendor id: every vendor the orders buy from
     */
    WorkflowAudit(Shop shop, String adminToken, Map<String, String> vendorTokens) {
        this.shop = shop;
        this.admin = adminToken;
        this.vendorTokens = Map.copyOf(vendorTokens);
    }

    /** An order as its customer sees it. */
    record SeenOrder(String customer, JsonNode order) {
        String orderId() {
            return order.get("orderId").asText();
        }

        String status() {
            return order.get("status").asText();
        }

        /** Quantity by product id. */
        Map<String, Integer> quantities() {
            Map<String, Integer> q = new TreeMap<>();
            order.get("items").forEach(i -> q.merge(i.get("productId").asText(), i.get("quantity").asInt(), Integer::sum));
            return q;
        }

        Set<String> vendors() {
            Set<String> v = new TreeSet<>();
            order.get("items").forEach(i -> v.add(i.get("vendorId").asText()));
            return v;
        }
    }

    /** What the audit found: the problems (empty when all is well) and a few counts worth printing. */
    record Findings(List<String> problems, List<SeenOrder> orders, Map<String, Integer> counts, List<String> observations) {
    }

    /** Every order of these customers. */
    List<SeenOrder> ordersOf(List<String> customers) {
        List<SeenOrder> orders = new ArrayList<>();
        for (String customer : customers) {
            shop.ordersOf(customer).forEach(o -> orders.add(new SeenOrder(customer, o)));
        }
        return orders;
    }

    /**
     * Polls until no workflow run is running and no order of these customers is pending, or the deadline passes.
     *
     * @return how long it took, or empty when the deadline passed first
     */
    Optional<Duration> awaitSettled(List<String> customers, Duration timeout) {
        Instant start = Instant.now();
        Instant deadline = start.plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (shop.runsIn(admin, "Running").isEmpty()
                    && ordersOf(customers).stream().noneMatch(o -> o.status().equals("Pending"))) {
                return Optional.of(Duration.between(start, Instant.now()));
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
        return Optional.empty();
    }

    /** Each run still running, with its history: for the message when the workflow does not settle. */
    List<String> unfinished() {
        List<String> runs = new ArrayList<>();
        for (JsonNode run : shop.runsIn(admin, "Running")) {
            String runId = run.get("runId").asText();
            JsonNode details = shop.run(admin, runId);
            runs.add(runId + " of order " + run.get("orderId").asText() + " in " + run.get("currentState").asText()
                    + " (attempt " + run.get("attempt").asText() + ", next at " + run.get("nextAttemptAt").asText()
                    + "); events " + summary(details.get("events")));
        }
        return runs;
    }

    /**
     * Checks every order of {@code customers} (which must all be confirmed by now) and the stock of the products in
     * {@code productVendors} (product id to vendor id), which no other order holds.
     */
    Findings audit(List<String> customers, Map<String, String> productVendors) {
        List<String> problems = new ArrayList<>();
        List<String> observations = new ArrayList<>();
        List<SeenOrder> orders = ordersOf(customers);
        Map<String, Integer> counts = new LinkedHashMap<>();
        counts.put("orders", orders.size());

        Map<String, List<JsonNode>> inboxes = new LinkedHashMap<>();
        vendorTokens.forEach((vendor, token) -> inboxes.put(vendor, shop.inbox(token)));
        Map<String, List<JsonNode>> customerInboxes = new LinkedHashMap<>();
        for (String customer : customers) {
            customerInboxes.put(customer, shop.inbox(customer));
        }

        Set<String> orderIds = new TreeSet<>();
        Map<String, Integer> held = new TreeMap<>();
        int runsSeen = 0;
        for (SeenOrder seen : orders) {
            String id = seen.orderId();
            orderIds.add(id);
            if (seen.status().equals("Pending") || seen.status().equals("Confirmed")) {
                seen.quantities().forEach((product, quantity) -> held.merge(product, quantity, Integer::sum));
            }
            try {
                runsSeen += check(seen, inboxes, customerInboxes.get(seen.customer()), problems, observations);
            } catch (RuntimeException e) {
                problems.add(id + ": could not be checked: " + e.getMessage());
            }
        }
        counts.put("runs", runsSeen);
        counts.put("taskFailuresOrRetries", observations.size());

        for (JsonNode run : shop.all("/admin/workflow/runs", admin)) {
            String subject = run.get("orderId").asText();
            if (!orderIds.contains(subject) && !subject.startsWith("order-demo-")) {
                problems.add("run " + run.get("runId").asText() + " (" + run.get("status").asText() + ") is for order "
                        + subject + ", which none of the customers has");
            }
        }

        productVendors.forEach((product, vendor) -> {
            JsonNode level = shop.vendorProduct(vendorTokens.get(vendor), product);
            int reserved = level.get("reserved").asInt();
            int expected = held.getOrDefault(product, 0);
            counts.put("reserved " + product, reserved);
            if (reserved != expected) {
                // which orders hold it, and how each got there, so that a rare mismatch can be traced afterwards
                List<String> holders = new ArrayList<>();
                for (SeenOrder seen : orders) {
                    Integer q = seen.quantities().get(product);
                    if (q != null) {
                        holders.add(seen.orderId() + " " + seen.status() + " x" + q + " v" + seen.order().path("version")
                                .asText() + " timeline " + seen.order().path("timeline").findValuesAsText("what"));
                    }
                }
                problems.add("product " + product + ": reserved " + reserved + ", but the orders holding it add up to "
                        + expected + " (" + level + "); orders with it: " + holders);
            }
        });
        return new Findings(problems, orders, counts, observations);
    }


    /** Checks one order: status, timeline, run and history, messages; returns how many runs it has. */
    private int check(SeenOrder seen, Map<String, List<JsonNode>> vendorInboxes, List<JsonNode> customerInbox,
                      List<String> problems, List<String> observations) {
        String id = seen.orderId();
        JsonNode order = shop.order(seen.customer(), id);
        String status = order.get("status").asText();
        List<String> timeline = StreamSupport.stream(order.get("timeline").spliterator(), false)
                .map(e -> e.get("what").asText()).toList();
        if (!status.equals("Confirmed")) {
            problems.add(id + ": status " + status + ", expected Confirmed; timeline " + order.get("timeline"));
        }
        if (!timeline.equals(CONFIRMED_TIMELINE)) {
            problems.add(id + ": timeline " + timeline + ", expected " + CONFIRMED_TIMELINE + "; " + order.get("timeline"));
        }

        List<JsonNode> runs = shop.runsOf(admin, id);
        if (runs.size() != 1) {
            problems.add(id + ": " + runs.size() + " workflow runs, expected 1: " + runs);
        }
        for (JsonNode run : runs) {
            String runId = run.get("runId").asText();
            JsonNode details = shop.run(admin, runId);
            if (!details.get("status").asText().equals("Succeeded")
                    || !details.get("currentState").asText().equals("OrderProcessingComplete")) {
                problems.add(id + ": run " + runId + " is " + details.get("status").asText() + " in "
                        + details.get("currentState").asText() + " (error " + details.get("error") + ", cause "
                        + details.get("cause") + "); events " + summary(details.get("events")));
            }
            Map<String, Integer> succeeded = new TreeMap<>();
            int runSucceeded = 0;
            for (JsonNode event : details.get("events")) {
                String type = event.get("type").asText();
                if (type.equals("TaskSucceeded")) {
                    succeeded.merge(event.get("state").asText(), 1, Integer::sum);
                } else if (type.equals("RunSucceeded")) {
                    runSucceeded++;
                } else if (type.equals("TaskFailed") || type.equals("RetryScheduled") || type.equals("ErrorCaught")) {
                    observations.add(id + ": run " + runId + " " + type + " in " + event.get("state").asText() + ": "
                            + event.get("detail"));
                }
            }
            for (String task : TASKS) {
                if (succeeded.getOrDefault(task, 0) != 1) {
                    problems.add(id + ": run " + runId + " has " + succeeded.getOrDefault(task, 0) + " TaskSucceeded for "
                            + task + ", expected 1; events " + summary(details.get("events")));
                }
            }
            if (runSucceeded != 1) {
                problems.add(id + ": run " + runId + " has " + runSucceeded + " RunSucceeded, expected 1; events "
                        + summary(details.get("events")));
            }
        }

        Set<String> vendors = seen.vendors();
        vendorInboxes.forEach((vendor, inbox) -> {
            long told = inbox.stream().filter(n -> n.get("subject").asText().startsWith("New order for")
                    && n.get("body").asText().contains(id)).count();
            long expected = vendors.contains(vendor) ? 1 : 0;
            if (told != expected) {
                problems.add(id + ": vendor " + vendor + " got " + told + " \"New order\" notifications, expected "
                        + expected + ": " + ids(inbox, id));
            }
        });
        long confirmed = customerInbox.stream().filter(n -> n.get("subject").asText().equals("Order confirmed: " + id)).count();
        if (confirmed != 1) {
            problems.add(id + ": the customer got " + confirmed + " \"Order confirmed\" notifications, expected 1: "
                    + ids(customerInbox, id));
        }
        long failed = customerInbox.stream()
                .filter(n -> n.get("subject").asText().equals("Order could not be completed: " + id)).count();
        if (failed != 0) {
            problems.add(id + ": the customer was told " + failed + " times that the order could not be completed");
        }
        return runs.size();
    }

    /** type@state of each event, compact enough for a failure message. */
    static List<String> summary(JsonNode events) {
        List<String> s = new ArrayList<>();
        events.forEach(e -> s.add(e.get("seq").asText() + ":" + e.get("type").asText()
                + (e.hasNonNull("state") ? "@" + e.get("state").asText() : "") + " " + e.get("at").asText()));
        return s;
    }

    private static List<String> ids(List<JsonNode> inbox, String orderId) {
        return inbox.stream().filter(n -> n.get("body").asText().contains(orderId) || n.get("subject").asText().contains(orderId))
                .map(n -> n.get("notificationId").asText() + " \"" + n.get("subject").asText() + "\" " + n.get("createdAt").asText())
                .toList();
    }
}
