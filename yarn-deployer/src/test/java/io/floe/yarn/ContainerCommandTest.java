package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.configuration.MemorySize;
import io.floe.runtime.entrypoint.ProcessMemory;
import java.util.List;
import org.junit.jupiter.api.Test;

class ContainerCommandTest {
    private final String command = ContainerCommand.build("taskmanager", ProcessMemory.taskManager(MemorySize.parse("768m")),
            "io.floe.Main", List.of("-Dkey=it's"));

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
    void quotesArgumentsForTheShell() {
        assertTrue(command.contains("io.floe.Main '-Dkey=it'\\''s'"), command);
        assertEquals("'plain'", ContainerCommand.quote("plain"));
    }
}
