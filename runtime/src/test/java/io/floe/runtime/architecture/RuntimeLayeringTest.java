package io.floe.runtime.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The runtime's share of ARCHITECTURE.md, section 1: the arrows only point down. The engine never
 * imports YARN, HDFS or another Floe module (those reach it through ServiceLoader), and the public
 * API ({@code io.floe.api}) exposes no runtime type, so programs compile against it alone.
 */
class RuntimeLayeringTest {
    static JavaClasses module;

    @BeforeAll
    static void importTheModule() {
        module = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("io.floe");
    }

    @Test
    void theEngineNeverImportsYarnHdfsOrZooKeeper() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.apache.hadoop.yarn..",
                        "org.apache.hadoop.hdfs..",
                        "org.apache.zookeeper..",
                        "org.apache.curator..")
                .because("the runtime sees HDFS and ZooKeeper only through its storage and HA interfaces, and YARN"
                        + " not at all")
                .check(module);
    }

    @Test
    void theEngineNamesNoClassOfAnotherModule() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "io.floe.client..",
                        "io.floe.yarn..",
                        "io.floe.blob.hdfs..",
                        "io.floe.ha..",
                        "io.floe.examples..",
                        "io.floe.benchmarks..",
                        "io.floe.dist..",
                        "io.floe.tools..")
                .because("other modules plug into the runtime through ServiceLoader")
                .check(module);
    }

    @Test
    void onlyWhatAssemblesAProcessKnowsTheNettyRpcService() {
        noClasses()
                .that()
                .resideOutsideOfPackages(
                        "io.floe.runtime.rpc.netty..", "io.floe.runtime.entrypoint..", "io.floe.runtime.minicluster..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.floe.runtime.rpc.netty..")
                .because(
                        "endpoints see only io.floe.runtime.rpc, so their unit tests host them on an in-memory service")
                .check(module);
    }

    @Test
    void thePublicApiExposesNoRuntimeType() {
        codeUnits()
                .that()
                .arePublic()
                .and()
                .areDeclaredInClassesThat()
                .resideInAPackage("io.floe.api..")
                .and()
                .areDeclaredInClassesThat()
                .arePublic()
                .should(exposeNoTypeOf("io.floe.runtime"))
                .because("a program compiles against io.floe.api (and io.floe.configuration) alone")
                .check(module);
    }

    /** No parameter or return type from {@code packagePrefix}. */
    private static ArchCondition<JavaCodeUnit> exposeNoTypeOf(String packagePrefix) {
        return new ArchCondition<>("expose no type of " + packagePrefix) {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                types.add(unit.getRawReturnType());
                for (JavaClass type : types) {
                    if (type.getPackageName().startsWith(packagePrefix)) {
                        events.add(
                                SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes " + type.getName()));
                    }
                }
            }
        };
    }
}
