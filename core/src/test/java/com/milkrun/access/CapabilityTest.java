package com.milkrun.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.milkrun.shared.DomainException;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every (role, capability) pair against the role table of ADR 6. */
class CapabilityTest {
    private static final Map<Capability, Set<Role>> EXPECTED = Map.of(
            Capability.OWN_ACCOUNT, Set.of(Role.values()),
            Capability.SELL, Set.of(Role.VENDOR),
            Capability.READ_ALL_ORDERS, Set.of(Role.MANAGER, Role.ADMIN),
            Capability.READ_CATALOG_BACKOFFICE, Set.of(Role.MANAGER, Role.ADMIN),
            Capability.ADMINISTER_USERS, Set.of(Role.ADMIN),
            Capability.ADMINISTER_VENDORS, Set.of(Role.ADMIN),
            Capability.OPERATE_PLATFORM, Set.of(Role.ADMIN));

    static Stream<Arguments> pairs() {
        return Stream.of(Capability.values()).flatMap(c -> Stream.of(Role.values()).map(r -> Arguments.of(r, c)));
    }

    @ParameterizedTest(name = "{0} may {1}: as decided")
    @MethodSource("pairs")
    void allows_exactly_the_roles_the_decisions_name(Role role, Capability capability) {
        boolean expected = EXPECTED.get(capability).contains(role);
        assertThat(capability.allows(role)).isEqualTo(expected);
        Principal caller = new Principal("user-1", "a@b.in", "A", role);
        if (expected) {
            assertThatCode(() -> Access.require(caller, capability)).doesNotThrowAnyException();
        } else {
            assertThatThrownBy(() -> Access.require(caller, capability)).isInstanceOf(DomainException.class)
                    .hasMessage("You do not have permission to access this resource");
        }
    }
}
