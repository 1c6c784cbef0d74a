package com.milkrun.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import org.junit.jupiter.api.Test;

/** What the log keeps of an error no route expected: its frames and its causes', where the real reason usually is. */
class UnhandledErrorStackTest {
    @Test
    void the_logged_stack_goes_into_the_causes() {
        RuntimeException error = new IllegalStateException("UPDATE inventory ...",
                new SQLException("Timeout trying to lock table", new RuntimeException("row locked by transaction 7")));

        String stack = ApiRouter.stackOf(error);

        assertThat(stack).startsWith("java.lang.IllegalStateException: UPDATE inventory ...\n\tat ")
                .contains("\nCaused by: java.sql.SQLException: Timeout trying to lock table\n\tat ")
                .contains("\nCaused by: java.lang.RuntimeException: row locked by transaction 7\n\tat ");
    }

    @Test
    void stops_after_a_few_causes() {
        Throwable error = new RuntimeException("cause 0");
        for (int i = 1; i <= 9; i++) {
            error = new RuntimeException("cause " + i, error);
        }

        String stack = ApiRouter.stackOf(error);

        assertThat(stack.split("Caused by: ", -1)).hasSize(5);
        assertThat(stack).contains("cause 9", "cause 5").doesNotContain("cause 4");
    }
}
