package io.floe.ha.zookeeper.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module plugs into the runtime and nothing else: the layering of ARCHITECTURE.md. */
class ZooKeeperLayeringTest {
    private final JavaClasses module = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.floe.ha.zookeeper");

    @Test
    void dependsOnTheRuntimeAndCuratorOnly() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.floe.client..",
                        "io.floe.yarn..",
                        "io.floe.blob.hdfs..",
                        "org.apache.hadoop..",
                        "io.floe.dist..",
                        "io.floe.tools..")
                .because("the ZooKeeper services are found by the runtime, and clients use them through it")
                .check(module);
    }
}
