package com.milkrun.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The core is plain Java: it depends on the JDK only, never reads the wall clock itself, and its capability packages
 * depend on each other in one direction only, so that each can be understood (and moved) without the others.
 */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.milkrun");

    @Test
    void the_core_depends_only_on_the_jdk() {
        noClasses().that().resideInAPackage("com.milkrun..")
                .should().dependOnClassesThat().resideOutsideOfPackages("com.milkrun..", "java..")
                .check(CORE);
    }

    @Test
    void the_core_never_asks_the_system_clock_for_the_time() {
        noClasses().that().resideInAPackage("com.milkrun..")
                .should().callMethod(java.time.Instant.class, "now")
                .orShould().callMethod(java.time.LocalDate.class, "now")
                .orShould().callMethod(java.time.LocalDateTime.class, "now")
                .orShould().callMethod(System.class, "currentTimeMillis")
                .check(CORE);
    }

    @Test
    void capabilities_do_not_reach_into_the_demo_data() {
        noClasses().that().resideOutsideOfPackage("com.milkrun.demo..")
                .should().dependOnClassesThat().resideInAPackage("com.milkrun.demo..")
                .check(CORE);
    }

    @Test
    void capability_packages_do_not_depend_on_each_other_in_a_cycle() {
        slices().matching("com.milkrun.(*)..").should().beFreeOfCycles().check(CORE);
    }
}
