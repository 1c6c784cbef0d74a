package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.milkrun.notifications.Notification;
import com.milkrun.notifications.NotificationStore;
import com.milkrun.shared.Page;
import com.milkrun.shared.PageRequest;
import com.milkrun.testing.SentNotifications;
import com.milkrun.testing.Times;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The contract of every {@link NotificationStore}: an inbox per user and a mailbox of everything, newest first. */
public abstract class NotificationStoreContract {
    private static final Comparator<Notification> NEWEST_FIRST =
            Comparator.comparing(Notification::createdAt).thenComparing(Notification::notificationId).reversed();

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
