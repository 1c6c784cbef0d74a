package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.notifications.EmailStatus;
import com.milkrun.notifications.OutboundEmail;
import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.Race;
import com.milkrun.testing.SentNotifications;
import com.milkrun.testing.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The contract of every {@link NotificationStore}: an inbox per user and a mailbox of everything, newest first; an
 * outbox of outbound emails whose attempts are claimed by compare-and-set, so that of racing senders exactly one
 * sends each attempt.
 */
public abstract class NotificationStoreContract {
    private static final Comparator<Notification> NEWEST_FIRST =
            Comparator.comparing(Notification::createdAt).thenComparing(Notification::notificationId).reversed();
    private static final Comparator<OutboundEmail> NEWEST_EMAIL_FIRST =
            Comparator.comparing(OutboundEmail::createdAt).thenComparing(OutboundEmail::notificationId).reversed();
    private static final Instant NOW = Times.MORNING_RUN;

    /** A store with no notifications, the same instance for the whole test. */
    protected abstract NotificationStore store();

    @Test
    void stores_a_notification_and_reads_back_every_field() {
        store().save(SentNotifications.ashasVerificationCode());

        Page<Notification> inbox = store().listForUser("user-asha", PageRequest.firstPage());

        assertThat(inbox.items()).containsExactly(SentNotifications.ashasVerificationCode());
        assertThat(inbox.nextToken()).isEmpty();
        assertThat(store().listRecent(Optional.empty(), PageRequest.firstPage()).items())
                .containsExactly(SentNotifications.ashasVerificationCode());
    }

    @Test
    void stores_the_email_in_lower_case_and_filters_by_it_in_any_case() {
        Notification mixedCase = SentNotifications.accountNotice(1, "user-asha", "Asha@Example.COM", Times.MORNING_RUN);
        store().save(mixedCase);
        store().save(SentNotifications.accountNotice(2, "user-ravi", "ravi@anand-dairy.example", Times.MORNING_RUN));

        List<Notification> found = store().listRecent(Optional.of("ASHA@example.com"), PageRequest.firstPage()).items();

        assertThat(found).extracting(Notification::notificationId).containsExactly(mixedCase.notificationId());
        assertThat(found.get(0).email()).isEqualTo("asha@example.com");
    }

    @Test
    void rejects_a_second_notification_with_the_same_id() {
        store().save(SentNotifications.ashasVerificationCode());
        Notification clash = SentNotifications.accountNotice(1, "user-ravi", "ravi@anand-dairy.example", Times.MORNING_RUN);
        Notification sameId = new Notification("note-asha-verify", clash.userId(), clash.email(), clash.kind(),
                clash.subject(), clash.body(), clash.createdAt());

        assertFailsWith("Conflict", () -> store().save(sameId));
        assertThat(store().listForUser("user-ravi", PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void lists_a_users_inbox_newest_first_and_breaks_ties_by_id_descending() {
        List<Notification> ashas = saveMany();

        List<Notification> inbox = store().listForUser("user-asha", PageRequest.first(100)).items();

        assertThat(inbox).containsExactlyElementsOf(ashas.stream().sorted(NEWEST_FIRST).toList());
        assertThat(store().listForUser("user-nobody", PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void visits_every_notification_of_a_user_exactly_once_across_pages() {
        List<Notification> ashas = saveMany();
        List<Notification> expected = ashas.stream().sorted(NEWEST_FIRST).toList();

        assertThat(Paging.walk(page -> store().listForUser("user-asha", page), 4)).containsExactlyElementsOf(expected);
        assertThat(Paging.walk(page -> store().listForUser("user-asha", page), 1)).containsExactlyElementsOf(expected);
        assertThat(Paging.walk(page -> store().listRecent(Optional.of("ASHA@EXAMPLE.COM"), page), 5))
                .containsExactlyElementsOf(expected);
    }

    @Test
    void lists_every_notification_newest_first_without_an_email() {
        List<Notification> all = new ArrayList<>(saveMany());
        all.addAll(raviNotices());

        assertThat(Paging.walk(page -> store().listRecent(Optional.empty(), page), 6))
                .containsExactlyElementsOf(all.stream().sorted(NEWEST_FIRST).toList());
    }

    @Test
    void gives_no_token_when_the_last_page_is_exactly_full() {
        saveMany();

        assertThat(store().listForUser("user-asha", PageRequest.first(13)).nextToken()).isEmpty();
        assertThat(store().listForUser("user-asha", PageRequest.first(12)).nextToken()).isPresent();
    }

    @Test
    void refuses_page_tokens_it_did_not_issue() {
        saveMany();
        String real = store().listForUser("user-asha", PageRequest.first(3)).nextToken().orElseThrow();

        ForgedTokens.assertAllRefused(real, token -> store().listForUser("user-asha", new PageRequest(3, token)));
        ForgedTokens.assertAllRefused(real, token -> store().listRecent(Optional.empty(), new PageRequest(3, token)));
    }

    @Test
    void refuses_a_token_issued_for_another_list() {
        saveMany();
        String inboxToken = store().listForUser("user-asha", PageRequest.first(2)).nextToken().orElseThrow();
        String mailboxToken = store().listRecent(Optional.empty(), PageRequest.first(2)).nextToken().orElseThrow();

        assertFailsWith("InvalidNextToken",
                () -> store().listRecent(Optional.empty(), new PageRequest(2, inboxToken)));
        assertFailsWith("InvalidNextToken",
                () -> store().listForUser("user-asha", new PageRequest(2, mailboxToken)));
        assertFailsWith("InvalidNextToken",
                () -> store().listForUser("user-ravi", new PageRequest(2, inboxToken)));
        assertFailsWith("InvalidNextToken",
                () -> store().listRecent(Optional.of("asha@example.com"), new PageRequest(2, mailboxToken)));
    }

    @Test
    void saves_a_new_notification_without_an_outbound_email() {
        Notification update = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);

        assertThat(store().saveNew(update, Optional.empty())).isTrue();

        assertThat(store().listForUser("user-asha", PageRequest.firstPage()).items()).containsExactly(update);
        assertThat(store().email(update.notificationId())).isEmpty();
        assertThat(store().emails(Optional.empty(), PageRequest.firstPage()).items()).isEmpty();
    }

    @Test
    void saves_a_new_notification_with_its_outbound_email_and_reads_back_every_field() {
        Notification update = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);

        assertThat(store().saveNew(update, Optional.of(OutboundEmail.of(update)))).isTrue();

        assertThat(store().listForUser("user-asha", PageRequest.firstPage()).items()).containsExactly(update);
        assertThat(store().email(update.notificationId())).contains(new OutboundEmail(update.notificationId(),
                "user-asha", "asha@example.com", update.subject(), update.body(), EmailStatus.PENDING, 0, NOW, "",
                NOW, NOW));
    }

    @Test
    void keeps_every_field_of_an_outbound_email_exactly() {
        Notification update = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);
        OutboundEmail email = new OutboundEmail(update.notificationId(), "user-asha", "Asha.Patel@Example.com",
                "आपका दूध रास्ते में है", "Line one\nLine two — ₹220.98", EmailStatus.PENDING, 0,
                Times.minutesAfterMorningRun(5), "", NOW, NOW);

        store().saveNew(update, Optional.of(email));

        assertThat(store().email(update.notificationId())).contains(email);
    }

    @Test
    void a_second_notification_with_a_taken_id_answers_false_and_changes_nothing() {
        Notification first = SentNotifications.orderUpdate(1, "user-asha", "asha@example.com", NOW);
        Notification silent = SentNotifications.orderUpdate(2, "user-asha", "asha@example.com", NOW);
        store().saveNew(first, Optional.of(OutboundEmail.of(first)));
        store().saveNew(silent, Optional.empty());
        Notification again = new Notification(first.notificationId(), "user-ravi", "ravi@anand-dairy.example",
                Notification.Kind.VENDOR, "Another subject", "Another body", Times.minutesAfterMorningRun(1));
        Notification silentAgain = new Notification(silent.notificationId(), silent.userId(), silent.email(),
                silent.kind(), silent.subject(), silent.body(), Times.minutesAfterMorningRun(1));

        assertThat(store().saveNew(again, Optional.of(OutboundEmail.of(again)))).isFalse();
        assertThat(store().saveNew(silentAgain, Optional.of(OutboundEmail.of(silentAgain)))).isFalse();

        assertThat(store().listRecent(Optional.empty(), PageRequest.firstPage()).items())
                .containsExactlyInAnyOrder(first, silent);
        assertThat(store().email(first.notificationId())).contains(OutboundEmail.of(first));
        assertThat(store().email(silent.notificationId())).isEmpty();
        assertFailsWith("Conflict", () -> store().save(again));
    }

    @Test
    void lists_pending_emails_due_by_now_oldest_due_first_up_to_the_limit() {
        saveEmail(1, Times.minutesAfterMorningRun(-5));
        saveEmail(2, Times.minutesAfterMorningRun(-10));
        saveEmail(3, NOW);
        saveEmail(4, Times.minutesAfterMorningRun(-10));
        saveEmail(5, Times.minutesAfterMorningRun(1));
        saveEmail(6, Times.minutesAfterMorningRun(-20));
        saveEmail(7, Times.minutesAfterMorningRun(-30));
        claimAndFinish(id(6), EmailStatus.SENT);
        claimAndFinish(id(7), EmailStatus.DEAD);

        assertThat(store().dueEmails(NOW, 10)).containsExactly(id(2), id(4), id(1), id(3));
        assertThat(store().dueEmails(NOW, 2)).containsExactly(id(2), id(4));
        assertThat(store().dueEmails(Times.minutesAfterMorningRun(1), 10))
                .containsExactly(id(2), id(4), id(1), id(3), id(5));
        assertThat(store().dueEmails(Times.minutesAfterMorningRun(-60), 10)).isEmpty();
    }

    @Test
    void claims_an_attempt_by_counting_it_and_leasing_the_email() {
        saveEmail(1, NOW);
        Instant lease = Times.minutesAfterMorningRun(2);

        OutboundEmail claimed = store().claimEmail(id(1), 0, NOW, lease).orElseThrow();

        assertThat(claimed.attempts()).isEqualTo(1);
        assertThat(claimed.nextAttemptAt()).isEqualTo(lease);
        assertThat(claimed.status()).isEqualTo(EmailStatus.PENDING);
        assertThat(claimed.updatedAt()).isEqualTo(NOW);
        assertThat(store().email(id(1))).contains(claimed);
        assertThat(store().dueEmails(NOW, 10)).isEmpty();
        assertThat(store().dueEmails(lease, 10)).containsExactly(id(1));
    }

    @Test
    void refuses_a_claim_that_is_stale_early_or_of_an_email_not_pending() {
        saveEmail(1, NOW);
        saveEmail(2, Times.minutesAfterMorningRun(5));
        saveEmail(3, NOW);
        claimAndFinish(id(3), EmailStatus.SENT);
        Instant lease = Times.minutesAfterMorningRun(2);
        store().claimEmail(id(1), 0, NOW, lease).orElseThrow();

        assertThat(store().claimEmail(id(1), 0, NOW, lease)).isEmpty();
        assertThat(store().claimEmail(id(1), 1, Times.minutesAfterMorningRun(1), lease)).isEmpty();
        assertThat(store().claimEmail(id(2), 0, NOW, lease)).isEmpty();
        assertThat(store().claimEmail(id(3), 1, Times.minutesAfterMorningRun(60), lease)).isEmpty();
        assertThat(store().claimEmail("note-nobody", 0, NOW, lease)).isEmpty();
        assertThat(store().email(id(1)).orElseThrow().attempts()).isEqualTo(1);

        Instant afterLease = Times.minutesAfterMorningRun(3);
        assertThat(store().claimEmail(id(1), 1, afterLease, Times.minutesAfterMorningRun(5)))
                .hasValueSatisfying(d -> assertThat(d.attempts()).isEqualTo(2));
    }

    @Test
    void of_eight_racing_senders_exactly_one_claims_the_attempt() {
        saveEmail(1, NOW);

        List<Race.Outcome<Optional<OutboundEmail>>> outcomes = Race.run(8, racer -> store().claimEmail(id(1), 0,
                NOW, Times.minutesAfterMorningRun(2 + racer)));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        List<OutboundEmail> claims = outcomes.stream().flatMap(o -> o.value().stream()).toList();
        assertThat(claims).hasSize(1);
        assertThat(store().email(id(1))).contains(claims.get(0));
        assertThat(claims.get(0).attempts()).isEqualTo(1);
    }

    @Test
    void records_a_sent_attempt() {
        saveEmail(1, NOW);
        store().claimEmail(id(1), 0, NOW, Times.minutesAfterMorningRun(2)).orElseThrow();
        Instant sentAt = Times.minutesAfterMorningRun(1);

        store().finishEmail(id(1), 1, EmailStatus.SENT, sentAt, null, sentAt);

        OutboundEmail sent = store().email(id(1)).orElseThrow();
        assertThat(sent.status()).isEqualTo(EmailStatus.SENT);
        assertThat(sent.attempts()).isEqualTo(1);
        assertThat(sent.lastError()).isEmpty();
        assertThat(sent.updatedAt()).isEqualTo(sentAt);
        assertThat(store().dueEmails(Times.minutesAfterMorningRun(60), 10)).isEmpty();
    }

    @Test
    void schedules_the_next_attempt_after_a_failed_one_and_gives_up_when_told() {
        saveEmail(1, NOW);
        store().claimEmail(id(1), 0, NOW, Times.minutesAfterMorningRun(2)).orElseThrow();
        Instant retryAt = Times.minutesAfterMorningRun(10);

        store().finishEmail(id(1), 1, EmailStatus.PENDING, retryAt, "421 try again later",
                Times.minutesAfterMorningRun(1));

        OutboundEmail waiting = store().email(id(1)).orElseThrow();
        assertThat(waiting.status()).isEqualTo(EmailStatus.PENDING);
        assertThat(waiting.nextAttemptAt()).isEqualTo(retryAt);
        assertThat(waiting.lastError()).isEqualTo("421 try again later");
        assertThat(store().dueEmails(Times.minutesAfterMorningRun(9), 10)).isEmpty();
        assertThat(store().dueEmails(retryAt, 10)).containsExactly(id(1));

        store().claimEmail(id(1), 1, retryAt, Times.minutesAfterMorningRun(12)).orElseThrow();
        store().finishEmail(id(1), 2, EmailStatus.DEAD, retryAt, "550 no such mailbox",
                Times.minutesAfterMorningRun(11));

        OutboundEmail dead = store().email(id(1)).orElseThrow();
        assertThat(dead.status()).isEqualTo(EmailStatus.DEAD);
        assertThat(dead.attempts()).isEqualTo(2);
        assertThat(dead.lastError()).isEqualTo("550 no such mailbox");
        assertThat(dead.updatedAt()).isEqualTo(Times.minutesAfterMorningRun(11));
        assertThat(store().dueEmails(Times.minutesAfterMorningRun(60), 10)).isEmpty();
    }

    @Test
    void ignores_the_end_of_an_attempt_that_is_no_longer_the_latest() {
        saveEmail(1, NOW);
        store().claimEmail(id(1), 0, NOW, Times.minutesAfterMorningRun(2)).orElseThrow();
        OutboundEmail second = store().claimEmail(id(1), 1, Times.minutesAfterMorningRun(3),
                Times.minutesAfterMorningRun(5)).orElseThrow();

        store().finishEmail(id(1), 1, EmailStatus.SENT, NOW, null, Times.minutesAfterMorningRun(4));
        store().finishEmail(id(1), 3, EmailStatus.DEAD, NOW, "from the future", Times.minutesAfterMorningRun(4));

        assertThat(store().email(id(1))).contains(second);
        store().finishEmail(id(1), 2, EmailStatus.SENT, NOW, null, Times.minutesAfterMorningRun(4));
        assertThat(store().email(id(1)).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
        store().finishEmail(id(1), 2, EmailStatus.DEAD, NOW, "late", Times.minutesAfterMorningRun(6));
        assertThat(store().email(id(1)).orElseThrow().status()).isEqualTo(EmailStatus.SENT);
        store().finishEmail("note-nobody", 1, EmailStatus.SENT, NOW, null, NOW);
        assertThat(store().email("note-nobody")).isEmpty();
    }

    @Test
    void lists_emails_newest_first_in_one_status_or_all_across_pages() {
        List<OutboundEmail> all = saveManyEmails();

        assertThat(Paging.walk(page -> store().emails(Optional.empty(), page), 4))
                .containsExactlyElementsOf(all.stream().sorted(NEWEST_EMAIL_FIRST).toList());
        assertThat(Paging.walk(page -> store().emails(Optional.empty(), page), 1))
                .containsExactlyElementsOf(all.stream().sorted(NEWEST_EMAIL_FIRST).toList());
        for (EmailStatus status : EmailStatus.values()) {
            List<OutboundEmail> expected = all.stream().filter(d -> d.status() == status)
                    .sorted(NEWEST_EMAIL_FIRST).toList();
            assertThat(expected).as("emails %s", status).isNotEmpty();
            assertThat(Paging.walk(page -> store().emails(Optional.of(status), page), 2)).as("%s", status)
                    .containsExactlyElementsOf(expected);
        }
        assertThat(store().emails(Optional.empty(), PageRequest.first(all.size())).nextToken()).isEmpty();
    }

    @Test
    void refuses_an_email_token_issued_for_another_status_or_list() {
        saveManyEmails();
        String allToken = store().emails(Optional.empty(), PageRequest.first(2)).nextToken().orElseThrow();
        String pendingToken = store().emails(Optional.of(EmailStatus.PENDING), PageRequest.first(2)).nextToken()
                .orElseThrow();

        assertFailsWith("InvalidNextToken",
                () -> store().emails(Optional.of(EmailStatus.PENDING), new PageRequest(2, allToken)));
        assertFailsWith("InvalidNextToken", () -> store().emails(Optional.empty(), new PageRequest(2, pendingToken)));
        assertFailsWith("InvalidNextToken", () -> store().listRecent(Optional.empty(), new PageRequest(2, allToken)));
        ForgedTokens.assertAllRefused(allToken, token -> store().emails(Optional.empty(), new PageRequest(2, token)));
    }

    @Test
    void requeues_only_a_dead_email_pending_with_no_attempts_and_due_now() {
        saveEmail(1, NOW);
        saveEmail(2, NOW);
        saveEmail(3, NOW);
        claimAndFinish(id(1), EmailStatus.DEAD);
        claimAndFinish(id(3), EmailStatus.SENT);
        Instant later = Times.minutesAfterMorningRun(90);

        OutboundEmail requeued = store().requeue(id(1), later).orElseThrow();

        assertThat(requeued.status()).isEqualTo(EmailStatus.PENDING);
        assertThat(requeued.attempts()).isZero();
        assertThat(requeued.nextAttemptAt()).isEqualTo(later);
        assertThat(requeued.updatedAt()).isEqualTo(later);
        assertThat(store().email(id(1))).contains(requeued);
        assertThat(store().dueEmails(later, 10)).contains(id(1));
        assertThat(store().claimEmail(id(1), 0, later, Times.minutesAfterMorningRun(92))).isPresent();

        OutboundEmail pending = store().email(id(2)).orElseThrow();
        OutboundEmail sent = store().email(id(3)).orElseThrow();
        assertThat(store().requeue(id(1), later)).isEmpty();
        assertThat(store().requeue(id(2), later)).isEmpty();
        assertThat(store().requeue(id(3), later)).isEmpty();
        assertThat(store().requeue("note-nobody", later)).isEmpty();
        assertThat(store().email(id(2))).contains(pending);
        assertThat(store().email(id(3))).contains(sent);
    }

    /** The id of the n-th order update to Asha. */
    private static String id(int n) {
        return SentNotifications.orderUpdate(n, "user-asha", "asha@example.com", NOW).notificationId();
    }

    /** Saves the n-th order update to Asha, created at the morning run, with its email due at {@code due}. */
    private OutboundEmail saveEmail(int n, Instant due) {
        return saveEmail(n, NOW, due);
    }

    private OutboundEmail saveEmail(int n, Instant createdAt, Instant due) {
        Notification update = SentNotifications.orderUpdate(n, "user-asha", "asha@example.com", createdAt);
        OutboundEmail of = OutboundEmail.of(update);
        OutboundEmail email = new OutboundEmail(of.notificationId(), of.userId(), of.to(), of.subject(), of.body(),
                of.status(), 0, due, "", createdAt, createdAt);
        assertThat(store().saveNew(update, Optional.of(email))).isTrue();
        return email;
    }

    /** Claims the email's first attempt, due by then, and ends it as {@code status}; returns it as stored. */
    private OutboundEmail claimAndFinish(String notificationId, EmailStatus status) {
        OutboundEmail due = store().email(notificationId).orElseThrow();
        Instant at = due.nextAttemptAt();
        OutboundEmail claimed = store().claimEmail(notificationId, due.attempts(), at, at.plusSeconds(120))
                .orElseThrow();
        store().finishEmail(notificationId, claimed.attempts(), status, at, status == EmailStatus.DEAD
                ? "550 mailbox unavailable" : null, at.plusSeconds(1));
        return store().email(notificationId).orElseThrow();
    }

    /**
     * Twelve emails to Asha (three created at the same moment): every third sent, every fourth (not sent) dead,
     * the rest pending. Returns them as stored.
     */
    private List<OutboundEmail> saveManyEmails() {
        List<OutboundEmail> all = new ArrayList<>();
        for (int n = 1; n <= 12; n++) {
            long minute = n >= 5 && n <= 7 ? 5 : n;
            Instant at = Times.minutesAfterMorningRun(minute);
            OutboundEmail saved = saveEmail(n, at, at);
            if (n % 3 == 0) {
                saved = claimAndFinish(saved.notificationId(), EmailStatus.SENT);
            } else if (n % 4 == 0) {
                saved = claimAndFinish(saved.notificationId(), EmailStatus.DEAD);
            }
            all.add(saved);
        }
        return all;
    }

    /** Thirteen notices to Asha (three of them at the same moment) and three to Ravi; returns Asha's. */
    private List<Notification> saveMany() {
        List<Notification> ashas = new ArrayList<>();
        for (int n = 1; n <= 13; n++) {
            long minute = n >= 5 && n <= 7 ? 5 : n;
            Notification notice = SentNotifications.accountNotice(n, "user-asha", "asha@example.com",
                    Times.minutesAfterMorningRun(minute));
            store().save(notice);
            ashas.add(notice);
        }
        raviNotices().forEach(store()::save);
        return ashas;
    }

    private static List<Notification> raviNotices() {
        List<Notification> notices = new ArrayList<>();
        for (int n = 1; n <= 3; n++) {
            notices.add(SentNotifications.accountNotice(n, "user-ravi", "ravi@anand-dairy.example",
                    Times.minutesAfterMorningRun(2L * n)));
        }
        return notices;
    }
}
