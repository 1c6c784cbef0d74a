package com.milkrun.store.dynamo.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.notifications.DynamoNotificationStore;
import com.milkrun.store.dynamo.notifications.NotificationItems;
import com.milkrun.store.dynamo.testing.DynamoTables;
import com.milkrun.testing.Runs;
import com.milkrun.testing.SentNotifications;
import com.milkrun.testing.Times;
import com.milkrun.workflow.RunEvent;
import com.milkrun.workflow.WorkflowRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.LongStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link RunItems#newRun} as another store uses it: a few conditional Puts however many events a run starts with,
 * placed in a TransactWriteItems of that store's own, together with new messages, all or nothing.
 */
class RunItemsTest {
    private static final Instant NOW = Times.MORNING_RUN;

    private final DynamoDbClient dynamo = DynamoTables.client();
    private String runs;
    private String notifications;
    private DynamoWorkflowStore workflow;
    private DynamoNotificationStore inbox;

    @BeforeEach
    void freshTables() {
        runs = DynamoTables.fresh(DynamoWorkflowStore.TABLE);
        notifications = DynamoTables.fresh(DynamoNotificationStore.TABLE);
        workflow = new DynamoWorkflowStore(dynamo, runs);
        inbox = new DynamoNotificationStore(dynamo, notifications);
    }

    @Test
    void a_new_run_is_two_puts_of_new_items_however_many_events_it_starts_with() {
        WorkflowRun run = Runs.ashasFirstOrder();
        List<RunEvent> events = manyEvents(40, 20);

        List<TransactWriteItem> actions = RunItems.newRun(runs, run, events);

        assertThat(actions).hasSize(2).allSatisfy(action -> {
            assertThat(action.put()).isNotNull();
            assertThat(action.put().tableName()).isEqualTo(runs);
            assertThat(action.put().conditionExpression()).isEqualTo("attribute_not_exists(runId)");
        });
        assertThat(RunItems.newRun(runs, run, List.of())).hasSize(1);
        dynamo.transactWriteItems(b -> b.transactItems(actions));
        assertThat(workflow.get(run.runId())).contains(run);
        assertThat(workflow.events(run.runId())).hasSize(40).extracting(RunEvent::seq)
                .containsExactlyElementsOf(LongStream.rangeClosed(1, 40).boxed().toList());
        assertThat(workflow.events(run.runId()).get(39).type()).isEqualTo("Event39");
    }

    @Test
    void events_too_large_for_one_item_are_spread_over_several_and_read_back_in_order() {
        WorkflowRun run = Runs.ashasFirstOrder();
        List<RunEvent> started = manyEvents(5, 120_000);
        List<RunEvent> later = manyEvents(4, 140_000);

        workflow.create(run, started);
        WorkflowRun claimed = workflow.claim(run.runId(), "worker-1", NOW, NOW.plusSeconds(30)).orElseThrow();
        workflow.advance(claimed, later).orElseThrow();

        List<RunEvent> expected = new ArrayList<>();
        started.forEach(e -> expected.add(new RunEvent(expected.size() + 1L, e.type(), e.state(), e.detail(), e.at())));
        later.forEach(e -> expected.add(new RunEvent(expected.size() + 1L, e.type(), e.state(), e.detail(), e.at())));
        assertThat(workflow.events(run.runId())).isEqualTo(expected);
        assertThat(RunItems.newRun(runs, run, started)).hasSize(1 + 3);
        assertThat(historyItems(run.runId())).hasSize(3 + 2);
    }

    @Test
    void a_run_and_new_messages_placed_in_one_transaction_all_land() {
        WorkflowRun run = Runs.ashasFirstOrder();
        Notification toAsha = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);
        Notification toRavi = SentNotifications.orderUpdate(2, "user-ravi", "ravi@anand-dairy.example", NOW);
        List<TransactWriteItem> actions = new ArrayList<>(RunItems.newRun(runs, run, Runs.started(run)));
        actions.addAll(NotificationItems.newMessage(notifications, toAsha, Optional.of(OutboundEmail.of(toAsha))));
        actions.addAll(NotificationItems.newMessage(notifications, toRavi, Optional.empty()));

        dynamo.transactWriteItems(b -> b.transactItems(actions));

        assertThat(actions).hasSize(5);
        assertThat(workflow.get(run.runId())).contains(run);
        assertThat(workflow.events(run.runId())).extracting(RunEvent::type).containsExactly("RunStarted", "StateEntered");
        assertThat(inbox.listForUser("user-asha", PageRequest.firstPage()).items()).containsExactly(toAsha);
        assertThat(inbox.listForUser("user-ravi", PageRequest.firstPage()).items()).containsExactly(toRavi);
        assertThat(inbox.email(toAsha.notificationId())).contains(OutboundEmail.of(toAsha));
        assertThat(inbox.dueEmails(NOW, 10)).containsExactly(toAsha.notificationId());
        assertThat(workflow.due(NOW, 10)).containsExactly(run.runId());
    }

    @Test
    void with_another_action_failing_in_the_same_transaction_nothing_is_written() {
        WorkflowRun run = Runs.ashasFirstOrder();
        Notification toAsha = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);
        List<TransactWriteItem> actions = new ArrayList<>(RunItems.newRun(runs, run, Runs.started(run)));
        actions.addAll(NotificationItems.newMessage(notifications, toAsha, Optional.of(OutboundEmail.of(toAsha))));
        actions.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(runs).key(RunItems.key("run-placed"))
                .conditionExpression("attribute_exists(runId)")).build());

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(b -> b.transactItems(actions)));

        assertThat(cancelled).isNotNull();
        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "None", "None", "None", "ConditionalCheckFailed");
        assertNothingWritten(run, toAsha);
    }

    @Test
    void a_taken_run_id_fails_the_first_action_and_the_messages_with_it() {
        WorkflowRun first = Runs.ashasFirstOrder();
        workflow.create(first, Runs.started(first));
        WorkflowRun again = Runs.forOrder(first.runId(), "order-ravi", Times.minutesAfterMorningRun(5));
        Notification toRavi = SentNotifications.orderUpdate(1, "user-ravi", "ravi@anand-dairy.example", NOW);
        List<TransactWriteItem> actions = new ArrayList<>(RunItems.newRun(runs, again, Runs.started(again)));
        actions.addAll(NotificationItems.newMessage(notifications, toRavi, Optional.of(OutboundEmail.of(toRavi))));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(b -> b.transactItems(actions)));

        assertThat(cancelled.cancellationReasons().get(0).code()).isEqualTo("ConditionalCheckFailed");
        assertThat(workflow.get(first.runId())).contains(first);
        assertThat(workflow.events(first.runId())).hasSize(2);
        assertThat(inbox.listForUser("user-ravi", PageRequest.firstPage()).items()).isEmpty();
        assertThat(inbox.email(toRavi.notificationId())).isEmpty();
    }

    private void assertNothingWritten(WorkflowRun run, Notification message) {
        assertThat(workflow.get(run.runId())).isEmpty();
        assertThat(workflow.events(run.runId())).isEmpty();
        assertThat(workflow.due(NOW, 10)).isEmpty();
        assertThat(inbox.listForUser(message.userId(), PageRequest.firstPage()).items()).isEmpty();
        assertThat(inbox.email(message.notificationId())).isEmpty();
        assertThat(dynamo.scan(b -> b.tableName(runs)).count()).isZero();
        assertThat(dynamo.scan(b -> b.tableName(notifications)).count()).isZero();
    }

    private List<Map<String, AttributeValue>> historyItems(String runId) {
        return dynamo.query(b -> b.tableName(runs).consistentRead(true)
                .keyConditionExpression("runId = :run AND begins_with(itemKey, :history)")
                .expressionAttributeValues(Map.of(":run", AttributeValue.fromS(runId),
                        ":history", AttributeValue.fromS("history#")))).items();
    }

    /** {@code count} events, each with a detail of {@code detailLength} characters. */
    private static List<RunEvent> manyEvents(int count, int detailLength) {
        List<RunEvent> events = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String detail = "{\"n\":\"" + Character.toString('a' + i % 26).repeat(detailLength) + "\"}";
            events.add(RunEvent.of("Event" + i, i % 2 == 0 ? "NotifyVendors" : null, detail, NOW.plusMillis(i)));
        }
        return events;
    }
}
