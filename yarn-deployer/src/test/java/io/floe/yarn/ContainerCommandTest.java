package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.configuration.Configuration;
import io.floe.runtime.configuration.MemorySize;
import io.floe.runtime.entrypoint.ProcessMemory;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerCommandTest {
    private final String command = ContainerCommand.build("taskmanager", ProcessMemory.taskManager(MemorySize.parse("768m")),
            "", "io.floe.Main", List.of("-Dkey=it's"));

    @Test
    void startsJavaFromTheContainersJavaHomeWithTheMemoryOfTheProcessSize() {
        assertTrue(command.startsWith("{{JAVA_HOME}}/bin/java -Xmx") || command.startsWith("$JAVA_HOME/bin/java -Xmx"), command);
        assertTrue(command.contains(ProcessMemory.taskManager(MemorySize.parse("768m")).jvmOptions()), command);
    }

    @Test
    void carriesTheJava17OpensSinceContainersDoNotInheritThem() {
        for (String open : ContainerCommand.JAVA_17_OPENS) {
            assertTrue(command.contains("--add-opens=" + open + "=ALL-UNNAMED"), open);
        }
    }

    @Test
    void logsIntoYarnsLogDirectory() {
        assertTrue(command.contains("-Dlog.file=<LOG_DIR>/taskmanager.log"), command);
        assertTrue(command.endsWith("1><LOG_DIR>/taskmanager.out 2><LOG_DIR>/taskmanager.err"), command);
    }

    @Test
    void placesTheUsersJvmOptionsBeforeTheLoggingSettingsAndTheMainClass() {
        Configuration configuration = new Configuration();
        configuration.set(YarnConfigOptions.JVM_OPTIONS_ALL, " -XX:+HeapDumpOnOutOfMemoryError ");
        configuration.set(YarnConfigOptions.JVM_OPTIONS_TASK_MANAGER, "-Dfoo=\"a b\"");
        configuration.set(YarnConfigOptions.JVM_OPTIONS_JOB_MANAGER, "-Dnot=for-taskmanagers");

        String options = ContainerCommand.jvmOptions(configuration, YarnConfigOptions.JVM_OPTIONS_TASK_MANAGER);
        String withOptions = ContainerCommand.build("taskmanager", ProcessMemory.taskManager(MemorySize.parse("768m")),
                options, "io.floe.Main", List.of());

        assertEquals("-XX:+HeapDumpOnOutOfMemoryError -Dfoo=\"a b\"", options);
        assertTrue(withOptions.contains("=ALL-UNNAMED -XX:+HeapDumpOnOutOfMemoryError -Dfoo=\"a b\" -Dlog.file="), withOptions);
        assertEquals("-XX:TieredStopAtLevel=1", ContainerCommand.jvmOptions(new Configuration(), YarnConfigOptions.JVM_OPTIONS_JOB_MANAGER));
        assertEquals("", ContainerCommand.jvmOptions(new Configuration(), YarnConfigOptions.JVM_OPTIONS_TASK_MANAGER));
        assertTrue(command.contains("=ALL-UNNAMED -Dlog.file="), command);
    }

    @Test
    void quotesArgumentsForTheShell() {
        assertTrue(command.contains("io.floe.Main '-Dkey=it'\\''s'"), command);
        assertEquals("'plain'", ContainerCommand.quote("plain"));
    }
}
