package com.milkrun.usecases.orders;

import static com.milkrun.usecases.orders.Dairy.ASHA;
import static com.milkrun.usecases.orders.Dairy.MILK;
import static com.milkrun.usecases.orders.Dairy.RAVI;
import static com.milkrun.usecases.orders.Dairy.TOMORROW;
import static com.milkrun.usecases.orders.Dairy.milkAndPaneer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.orders.DecideVendorLines;
import com.milkrun.orders.Order;
import com.milkrun.orders.OrderStatus;
import com.milkrun.orders.VendorDecision.Decision;
import com.milkrun.shared.DomainException;
import com.milkrun.shared.Failure;
import com.milkrun.shared.ValidationException;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A dairy accepts or rejects its lines; a rejection fails the whole order; a disabled dairy decides nothing. */
class DecideVendorLinesTest {
    private final Dairy dairy = new Dairy();
    private final Order order = dairy.placing.place(ASHA, milkAndPaneer(2, 1, TOMORROW), "key-1").order();

    @Test
    void ravi_accepts_anands_lines_and_the_order_goes_on_as_it_was() {
        DecideVendorLines.Decided decided = dairy.deciding.decide(RAVI, accept());

        assertThat(decided.decision().decision()).isEqualTo(Decision.ACCEPTED);
        assertThat(decided.orderStatus()).isEqualTo(OrderStatus.PENDING);
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
        assertThat(dairy.stores.orders().timeline(order.orderId())).extracting(e -> e.what())
                .containsExactly("Placed", "VendorAccepted");
    }

    @Test
    void ravi_rejects_with_a_reason_and_the_whole_order_fails_giving_its_stock_back() {
        DecideVendorLines.Decided decided = dairy.deciding.decide(RAVI, reject(" The cows are unwell "));

        assertThat(decided.orderStatus()).isEqualTo(OrderStatus.FAILED);
        assertThat(decided.decision().reason()).isEqualTo("The cows are unwell");
        assertThat(dairy.reserved(MILK)).isZero();
        assertThat(dairy.processing.stopped).containsExactly(order.orderId() + ": VendorRejected");
        assertThat(dairy.queries.details(ASHA, order.orderId()).failureReason())
                .contains("Anand Dairy could not fulfil the order: The cows are unwell");
        assertThat(dairy.messagesTo("user-asha")).containsExactly("Order could not be completed: " + order.orderId());
    }

    @Test
    void a_rejection_needs_a_reason() {
        assertThatThrownBy(() -> dairy.deciding.decide(RAVI, reject("   "))).isInstanceOfSatisfying(ValidationException.class,
                e -> assertThat(e.errors()).extracting(f -> f.field() + ":" + f.code()).containsExactly("reason:REQUIRED"));
        assertThatThrownBy(() -> dairy.deciding.decide(RAVI, reject("x".repeat(501))))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(f -> f.code()).containsExactly("TOO_LONG"));
        assertThat(dairy.queries.get(ASHA, order.orderId()).status()).isEqualTo(OrderStatus.PENDING);
    }

    @Test
    void a_dairy_decides_once() {
        dairy.deciding.decide(RAVI, accept());

        assertThatThrownBy(() -> dairy.deciding.decide(RAVI, reject("Changed my mind")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.error()).isEqualTo("AlreadyDecided");
                    assertThat(e.getMessage()).isEqualTo("Anand Dairy already accepted this order");
                });
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
    }

    @Test
    void a_disabled_dairy_can_neither_accept_nor_reject_and_nothing_changes() {
        dairy.disableAnand();

        for (DecideVendorLines.Command command : new DecideVendorLines.Command[] {accept(), reject("Closing down")}) {
            assertThatThrownBy(() -> dairy.deciding.decide(RAVI, command)).isInstanceOfSatisfying(DomainException.class, e -> {
                assertThat(e.error()).isEqualTo("VendorDisabled");
                assertThat(e.failure()).isEqualTo(Failure.FORBIDDEN);
            });
        }
        assertThat(dairy.queries.get(ASHA, order.orderId()).status()).isEqualTo(OrderStatus.PENDING);
        assertThat(dairy.stores.orders().decisions(order.orderId())).isEmpty();
        assertThat(dairy.reserved(MILK)).isEqualTo(2);
        assertThat(dairy.processing.stopped).isEmpty();
        assertThat(dairy.queries.vendorLines(RAVI, Optional.empty(), Optional.empty(),
                com.milkrun.shared.PageRequest.firstPage()).items()).as("it still reads its lines").hasSize(2);
    }

    private DecideVendorLines.Command accept() {
        return new DecideVendorLines.Command(order.orderId(), Decision.ACCEPTED, Optional.empty());
    }

    private DecideVendorLines.Command reject(String reason) {
        return new DecideVendorLines.Command(order.orderId(), Decision.REJECTED, Optional.of(reason));
    }
}
