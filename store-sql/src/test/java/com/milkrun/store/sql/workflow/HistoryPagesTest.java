package com.milkrun.store.sql.workflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.workflow.RunEvent;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryPagesTest {
    private static final Instant AT = Instant.parse("2026-12-06T05:30:00.123456789Z");

    @Test
    void a_page_reads_back_its_events_numbered_from_its_first_to_the_microsecond() {
        List<RunEvent> events = List.of(
                RunEvent.of("RunStarted", null, "{\"note\":\"ring \\\"twice\\\"\\n₹ 50\"}", AT),
                RunEvent.of("StateEntered", "NotifyVendors", null, AT.plusSeconds(1)),
                RunEvent.of("TaskFailed", "NotifyVendors", "not JSON: \u0000 and \"quotes\"", AT.plusSeconds(2)));

        List<Object> row = HistoryPages.values("run-asha", 7, events);

        assertThat(row.subList(0, 3)).containsExactly("run-asha", 7L, 9L);
        assertThat(HistoryPages.read(7, (String) row.get(3))).containsExactly(
                new RunEvent(7, "RunStarted", null, "{\"note\":\"ring \\\"twice\\\"\\n₹ 50\"}",
                        Instant.parse("2026-12-06T05:30:00.123456Z")),
                new RunEvent(8, "StateEntered", "NotifyVendors", null, Instant.parse("2026-12-06T05:30:01.123456Z")),
                new RunEvent(9, "TaskFailed", "NotifyVendors", "not JSON: \u0000 and \"quotes\"",
                        Instant.parse("2026-12-06T05:30:02.123456Z")));
    }

    @Test
    void a_page_holds_at_least_one_event() {
        assertThatThrownBy(() -> HistoryPages.values("run-asha", 1, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_page_that_is_not_an_array_of_events_is_refused_rather_than_read_as_empty() {
        assertThatThrownBy(() -> HistoryPages.read(1, "{\"type\":\"RunStarted\"}"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HistoryPages.read(1, "[{\"type\":\"RunStarted\",\"colour\":\"blue\"}]"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> HistoryPages.read(1, "[{\"type\":\"RunStarted\"}]"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("no type or time");
    }
}
