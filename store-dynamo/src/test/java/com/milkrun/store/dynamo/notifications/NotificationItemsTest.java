package com.milkrun.store.dynamo.notifications;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.shared.PageRequest;
import com.milkrun.store.dynamo.testing.DynamoTables;
import com.milkrun.store.dynamo.workflow.DynamoWorkflowStore;
import com.milkrun.store.dynamo.workflow.RunItems;
import com.milkrun.testing.Runs;
import com.milkrun.testing.SentNotifications;
import com.milkrun.testing.Times;
import com.milkrun.workflow.WorkflowRun;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * {@link NotificationItems#newMessage} as another store uses it: a conditional Put of the notification and one of its
 * email, placed in a TransactWriteItems of that store's own, all or nothing.
 */
class NotificationItemsTest {
    private static final Instant NOW = Times.MORNING_RUN;

    private final DynamoDbClient dynamo = DynamoTables.client();
    private String notifications;
    private String runs;
    private DynamoNotificationStore inbox;
    private DynamoWorkflowStore workflow;

    @BeforeEach
    void freshTables() {
        notifications = DynamoTables.fresh(DynamoNotificationStore.TABLE);
        runs = DynamoTables.fresh(DynamoWorkflowStore.TABLE);
        inbox = new DynamoNotificationStore(dynamo, notifications);
        workflow = new DynamoWorkflowStore(dynamo, runs);
    }

    @Test
    void a_new_message_is_a_put_of_a_new_notification_and_one_of_its_email_when_there_is_one() {
        Notification update = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);

        List<TransactWriteItem> withEmail = NotificationItems.newMessage(notifications, update,
                Optional.of(OutboundEmail.of(update)));

        assertThat(withEmail).hasSize(2).allSatisfy(action -> {
            assertThat(action.put()).isNotNull();
            assertThat(action.put().tableName()).isEqualTo(notifications);
            assertThat(action.put().conditionExpression()).isEqualTo("attribute_not_exists(notificationId)");
        });
        assertThat(NotificationItems.newMessage(notifications, update, Optional.empty())).hasSize(1);
    }

    @Test
    void refuses_an_email_of_another_notification() {
        Notification update = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);
        Notification other = SentNotifications.orderUpdate(2, "user-asha", "asha@example.com", NOW);

        assertThatThrownBy(() -> NotificationItems.newMessage(notifications, update,
                Optional.of(OutboundEmail.of(other)))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void with_another_action_failing_in_the_same_transaction_neither_the_message_nor_its_email_is_written() {
        Notification update = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);
        List<TransactWriteItem> actions = new ArrayList<>(NotificationItems.newMessage(notifications, update,
                Optional.of(OutboundEmail.of(update))));
        actions.add(TransactWriteItem.builder().conditionCheck(c -> c.tableName(notifications)
                .key(NotificationItems.emailKey("note-placed")).conditionExpression("attribute_exists(notificationId)"))
                .build());

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(b -> b.transactItems(actions)));

        assertThat(cancelled.cancellationReasons()).extracting(CancellationReason::code)
                .containsExactly("None", "None", "ConditionalCheckFailed");
        assertThat(inbox.listRecent(Optional.empty(), PageRequest.firstPage()).items()).isEmpty();
        assertThat(inbox.email(update.notificationId())).isEmpty();
        assertThat(inbox.dueEmails(NOW, 10)).isEmpty();
        assertThat(dynamo.scan(b -> b.tableName(notifications)).count()).isZero();
    }

    @Test
    void a_taken_notification_id_fails_its_first_action_and_the_run_placed_with_it() {
        Notification first = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);
        inbox.saveNew(first, Optional.empty());
        Notification again = new Notification(first.notificationId(), "user-ravi", "ravi@anand-dairy.example",
                Notification.Kind.VENDOR, "Another subject", "Another body", Times.minutesAfterMorningRun(1));
        WorkflowRun run = Runs.ashasFirstOrder();
        List<TransactWriteItem> actions = new ArrayList<>(RunItems.newRun(runs, run, Runs.started(run)));
        int message = actions.size();
        actions.addAll(NotificationItems.newMessage(notifications, again, Optional.of(OutboundEmail.of(again))));

        TransactionCanceledException cancelled = catchThrowableOfType(TransactionCanceledException.class,
                () -> dynamo.transactWriteItems(b -> b.transactItems(actions)));

        assertThat(cancelled.cancellationReasons().get(message).code()).isEqualTo("ConditionalCheckFailed");
        assertThat(workflow.get(run.runId())).isEmpty();
        assertThat(workflow.events(run.runId())).isEmpty();
        assertThat(inbox.listRecent(Optional.empty(), PageRequest.firstPage()).items()).containsExactly(first);
        assertThat(inbox.email(first.notificationId())).isEmpty();
    }
}
