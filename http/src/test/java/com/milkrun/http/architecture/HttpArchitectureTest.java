package com.milkrun.http.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The API is split by capability: each package holds its routes and views. A capability may reuse another's views,
 * but never in a cycle, so that a capability's routes can be read, changed or removed on their own.
 */
class HttpArchitectureTest {
    private static final JavaClasses HTTP = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("com.milkrun.http");

    @Test
    void capability_packages_of_the_api_do_not_depend_on_each_other_in_a_cycle() {
        slices().matching("com.milkrun.http.(*)..").should().beFreeOfCycles().check(HTTP);
    }
}
