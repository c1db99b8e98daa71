package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.MemorySize;
import io.floe.runtime.process.ProcessMemory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainerCommandTest {
    private final String command = ContainerCommand.build(
            "taskmanager",
            ProcessMemory.taskManager(MemorySize.parse("768m")),
            "",
            "io.floe.Main",
            List.of("-Dkey=it's"));

    @Test
    void startsJavaFromTheContainersJavaHomeWithTheMemoryOfTheProcessSize() {
        assertTrue(
                command.startsWith("{{JAVA_HOME}}/bin/java -Xmx") || command.startsWith("$JAVA_HOME/bin/java -Xmx"),
                command);
        assertTrue(
                command.contains(
                        ProcessMemory.taskManager(MemorySize.parse("768m")).jvmOptions()),
                command);
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
        assertTrue(command.contains("1><LOG_DIR>/taskmanager.out 2><LOG_DIR>/taskmanager.err "), command);
    }

    /** As a NodeManager runs it: {@code exec /bin/bash -c "<command>"} in a launch script whose stderr is
     * prelaunch.err. */
    private static ProcessResult launchAsTheNodeManagerDoes(String command, Path logDir) throws Exception {
        Path script = logDir.resolve("launch_container.sh");
        Files.writeString(
                script,
                "#!/bin/bash\nset -o pipefail -e\nexec 2>\"" + logDir.resolve("prelaunch.err") + "\"\n"
                        + "exec /bin/bash -c \""
                        + command.replace("<LOG_DIR>", logDir.toString()).replace("{{JAVA_HOME}}", "$JAVA_HOME")
                        + "\"\n");
        ProcessBuilder builder = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("CLASSPATH", System.getProperty("java.class.path"));
        Process process = builder.start();
        process.getInputStream().readAllBytes();
        return new ProcessResult(process.waitFor(), Files.readString(logDir.resolve("prelaunch.err")));
    }

    private record ProcessResult(int exitCode, String prelaunchErr) {}

    @Test
    void aJvmThatFailsLeavesTheEndOfItsStderrWhereYarnsDiagnosticsLookAndItsExitCode(@TempDir Path logDir)
            throws Exception {
        String failing = ContainerCommand.build(
                "taskmanager",
                ProcessMemory.taskManager(MemorySize.parse("768m")),
                "",
                ExitingMain.class.getName(),
                List.of("7"));
        ProcessResult result = launchAsTheNodeManagerDoes(failing, logDir);
        assertEquals(7, result.exitCode(), "the JVM's exit code: " + result.prelaunchErr());
        assertTrue(
                result.prelaunchErr().contains("Could not start the TaskManager: java.net.BindException: taken"),
                result.prelaunchErr());
        assertTrue(
                Files.readString(logDir.resolve("taskmanager.err")).contains("BindException"),
                "and it stays in taskmanager.err");

        String unstartable = ContainerCommand.build(
                "taskmanager",
                ProcessMemory.taskManager(MemorySize.parse("768m")),
                "-XX:+NoSuchFloeOption",
                ExitingMain.class.getName(),
                List.of("0"));
        ProcessResult jvmError = launchAsTheNodeManagerDoes(unstartable, logDir);
        assertEquals(1, jvmError.exitCode());
        assertTrue(
                jvmError.prelaunchErr().contains("NoSuchFloeOption"),
                "the JVM's own complaint: " + jvmError.prelaunchErr());
    }

    @Test
    void aJvmThatSucceedsLeavesNothingInPrelaunchErr(@TempDir Path logDir) throws Exception {
        String succeeding = ContainerCommand.build(
                "taskmanager",
                ProcessMemory.taskManager(MemorySize.parse("768m")),
                "",
                ExitingMain.class.getName(),
                List.of("0"));
        ProcessResult result = launchAsTheNodeManagerDoes(succeeding, logDir);
        assertEquals(0, result.exitCode());
        assertEquals("", result.prelaunchErr());
    }
}
