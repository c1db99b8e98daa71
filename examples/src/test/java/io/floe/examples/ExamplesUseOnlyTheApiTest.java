package io.floe.examples;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The examples are what a user writes: they use Floe's API (and its configuration) and Java, nothing else. */
class ExamplesUseOnlyTheApiTest {
    @Test
    void examplesUseOnlyTheApi() {
        classes()
                .that()
                .resideInAPackage("io.floe.examples..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage("io.floe.examples..", "io.floe.api..", "io.floe.configuration..", "java..")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.floe.examples"));
    }
}
