package com.milkrun.contract;

import static com.milkrun.contract.ContractAssertions.assertFailsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.inventory.StockKey;
import com.milkrun.inventory.StockLevel;
import com.milkrun.inventory.StockStore;
import com.milkrun.shared.DomainException;
import com.milkrun.testing.Race;
import com.milkrun.testing.StockKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The contract of every {@link StockStore}: stock never drops below what is reserved, under any concurrency. */
public abstract class StockStoreContract {
    /** A store with no inventory records, the same instance for the whole test. */
    protected abstract StockStore store();

    /**
     * Puts a record with units already reserved, by whatever means the adapter offers (the port itself has no way to
     * reserve), overwriting any record of the key.
     */
    protected abstract void seedReserved(StockKey key, int stock, int reserved);

    @Test
    void has_no_record_for_a_product_never_stocked() {
        assertThat(store().get(StockKeys.anandOrganicMilk())).isEmpty();
    }

    @Test
    void creates_a_record_with_nothing_reserved() {
        StockLevel level = store().setStock(StockKeys.anandOrganicMilk(), 40);

        assertThat(level).isEqualTo(new StockLevel("vendor-anand", "prod-organic-milk-500ml", 40, 0));
        assertThat(store().get(StockKeys.anandOrganicMilk())).contains(level);
        assertThat(store().get(StockKeys.gokulOrganicMilk())).isEmpty();
    }

    @Test
    void changes_the_stock_and_keeps_what_is_reserved() {
        seedReserved(StockKeys.anandPaneer(), 10, 4);

        StockLevel level = store().setStock(StockKeys.anandPaneer(), 6);

        assertThat(level).isEqualTo(new StockLevel("vendor-anand", "prod-malai-paneer-200g", 6, 4));
        assertThat(store().get(StockKeys.anandPaneer())).contains(level);
        assertThat(store().setStock(StockKeys.anandPaneer(), 4).available()).isZero();
    }

    @Test
    void can_set_the_stock_to_zero_when_nothing_is_reserved() {
        store().setStock(StockKeys.anandOrganicMilk(), 12);

        assertThat(store().setStock(StockKeys.anandOrganicMilk(), 0).stock()).isZero();
        assertThat(store().setStock(StockKeys.gokulOrganicMilk(), 0)).isEqualTo(StockLevel.none(StockKeys.gokulOrganicMilk()));
    }

    @Test
    void refuses_stock_below_the_reserved_units_and_leaves_the_record_unchanged() {
        seedReserved(StockKeys.anandPaneer(), 10, 4);

        DomainException e = assertFailsWith("StockBelowReserved", () -> store().setStock(StockKeys.anandPaneer(), 3));

        assertThat(e.getMessage()).isEqualTo("Stock cannot be set below the 4 units already reserved for orders");
        assertThat(store().get(StockKeys.anandPaneer()))
                .contains(new StockLevel("vendor-anand", "prod-malai-paneer-200g", 10, 4));
    }

    @Test
    void refuses_negative_stock() {
        assertThatThrownBy(() -> store().setStock(StockKeys.anandOrganicMilk(), -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(store().get(StockKeys.anandOrganicMilk())).isEmpty();
    }

    @Test
    void reads_many_records_at_once_leaving_out_keys_without_one() {
        store().setStock(StockKeys.anandOrganicMilk(), 40);
        seedReserved(StockKeys.anandPaneer(), 10, 4);

        Map<StockKey, StockLevel> levels = store().getAll(
                List.of(StockKeys.anandOrganicMilk(), StockKeys.anandPaneer(), StockKeys.gokulOrganicMilk()));

        assertThat(levels).containsOnly(
                Map.entry(StockKeys.anandOrganicMilk(), new StockLevel("vendor-anand", "prod-organic-milk-500ml", 40, 0)),
                Map.entry(StockKeys.anandPaneer(), new StockLevel("vendor-anand", "prod-malai-paneer-200g", 10, 4)));
        assertThat(store().getAll(List.of())).isEmpty();
    }

    @Test
    void reads_a_full_batch_of_one_hundred_keys() {
        List<StockKey> keys = IntStream.rangeClosed(1, StockStore.MAX_BATCH)
                .mapToObj(n -> new StockKey("vendor-" + (n % 7), "prod-" + n)).toList();
        keys.stream().filter(k -> k.productId().endsWith("0")).forEach(k -> store().setStock(k, 5));

        Map<StockKey, StockLevel> levels = store().getAll(keys);

        assertThat(levels).hasSize(10);
        assertThat(levels.values()).allSatisfy(l -> assertThat(l.stock()).isEqualTo(5));
    }

    @Test
    void refuses_a_batch_larger_than_one_hundred_keys() {
        List<StockKey> keys = IntStream.rangeClosed(0, StockStore.MAX_BATCH)
                .mapToObj(n -> new StockKey("vendor-anand", "prod-" + n)).toList();

        assertThatThrownBy(() -> store().getAll(keys)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void racing_first_stock_settings_all_succeed_and_one_of_them_stays() {
        List<Race.Outcome<StockLevel>> outcomes =
                Race.run(8, racer -> store().setStock(StockKeys.gokulOrganicMilk(), 10 + racer));

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        StockLevel stored = store().get(StockKeys.gokulOrganicMilk()).orElseThrow();
        assertThat(stored.reserved()).isZero();
        assertThat(stored.stock()).isBetween(10, 17);
    }

    @Test
    void racing_stock_settings_never_go_below_the_reserved_units() {
        seedReserved(StockKeys.anandOrganicMilk(), 20, 10);

        List<Race.Outcome<StockLevel>> outcomes = Race.run(10, racer -> {
            for (int round = 0; round < 10; round++) {
                store().setStock(StockKeys.anandOrganicMilk(), 5 + (racer + round) % 12);
            }
            return store().setStock(StockKeys.anandOrganicMilk(), 10 + racer);
        });

        List<String> unexpected = new ArrayList<>();
        outcomes.stream().filter(o -> !o.succeeded()).forEach(o -> {
            if (!(o.failure() instanceof DomainException d) || !d.error().equals("StockBelowReserved")) {
                unexpected.add(String.valueOf(o.failure()));
            }
        });
        assertThat(unexpected).isEmpty();
        StockLevel stored = store().get(StockKeys.anandOrganicMilk()).orElseThrow();
        assertThat(stored.reserved()).isEqualTo(10);
        assertThat(stored.stock()).isBetween(10, 16);
    }

    @Test
    void racing_stock_settings_and_reservations_keep_reserved_within_stock() {
        StockKey key = StockKeys.anandPaneer();
        seedReserved(key, 30, 0);

        List<Race.Outcome<Integer>> outcomes = Race.run(8, racer -> {
            int refused = 0;
            for (int round = 0; round < 15; round++) {
                if (racer % 2 == 0) {
                    seedReserved(key, 30, round);
                } else {
                    try {
                        store().setStock(key, 8 + (racer * round) % 20);
                    } catch (DomainException e) {
                        refused++;
                    }
                }
                StockLevel seen = store().get(key).orElseThrow();
                assertThat(seen.reserved()).isLessThanOrEqualTo(seen.stock());
            }
            return refused;
        });

        assertThat(outcomes).allSatisfy(o -> assertThat(o.failure()).isNull());
        StockLevel stored = store().get(key).orElseThrow();
        assertThat(stored.reserved()).isBetween(0, stored.stock());
    }
}
