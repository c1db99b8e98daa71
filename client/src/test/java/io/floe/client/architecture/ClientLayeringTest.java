package io.floe.client.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The client's share of ARCHITECTURE.md, section 1: it finds deployment targets (YARN's among
 * them) through ServiceLoader, so it never imports the deployer, YARN or HDFS.
 */
class ClientLayeringTest {
    @Test
    void theClientNeverImportsADeployerOrHadoop() {
        noClasses()
                .that()
                .resideInAPackage("io.floe.client..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.floe.yarn..",
                        "io.floe.blob.hdfs..",
                        "io.floe.tools..",
                        "org.apache.hadoop.yarn..",
                        "org.apache.hadoop.hdfs..")
                .because("deployment targets plug into the client through ServiceLoader")
                .check(new ClassFileImporter()
                        .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.floe.client"));
    }
}
