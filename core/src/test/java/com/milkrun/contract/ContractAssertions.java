package com.milkrun.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions on the stable error names that stores answer with. */
public final class ContractAssertions {
    private ContractAssertions() {
    }

    /** Runs {@code call}, expects a {@link DomainException} named {@code error} and returns it. */
    public static DomainException assertFailsWith(String error, ThrowingCallable call) {
        DomainException e = catchThrowableOfType(DomainException.class, call);
        assertThat(e).as("expected DomainException %s", error).isNotNull();
        assertError(e, error);
        return e;
    }

    /** Checks the error name, and that names which mean a clash are conflicts and a bad token is invalid input. */
    public static void assertError(DomainException e, String error) {
        assertThat(e.error()).as("error name, message: %s", e.getMessage()).isEqualTo(error);
        if (error.equals("InvalidNextToken")) {
            assertThat(e.failure()).isEqualTo(Failure.INVALID);
        } else if (error.equals("NotFound")) {
            assertThat(e.failure()).isEqualTo(Failure.NOT_FOUND);
        } else {
            assertThat(e.failure()).isEqualTo(Failure.CONFLICT);
        }
    }
}
