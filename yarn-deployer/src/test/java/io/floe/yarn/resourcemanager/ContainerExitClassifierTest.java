package io.floe.yarn.resourcemanager;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.hadoop.yarn.api.records.ApplicationAttemptId;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerId;
import org.apache.hadoop.yarn.api.records.ContainerState;
import org.apache.hadoop.yarn.api.records.ContainerStatus;
import org.junit.jupiter.api.Test;

class ContainerExitClassifierTest {
    private static ContainerStatus status(int exit, String diagnostics) {
        ContainerId id =
                ContainerId.newContainerId(ApplicationAttemptId.newInstance(ApplicationId.newInstance(1, 1), 1), 2);
        return ContainerStatus.newInstance(id, ContainerState.COMPLETE, diagnostics, exit);
    }

    @Test
    void namesTheKeyToRaiseWhenKilledForPhysicalMemory() {
        String line = ContainerExitClassifier.describe(
                status(ContainerExitStatus.KILLED_EXCEEDED_PMEM, "beyond physical memory"));
        assertTrue(line.contains("taskmanager.memory.process.size"), line);
        assertTrue(line.contains("(beyond physical memory)"), line);
    }

    @Test
    void tellsPreemptionAndDiskFailureApart() {
        assertTrue(ContainerExitClassifier.describe(status(ContainerExitStatus.PREEMPTED, ""))
                .contains("preempted"));
        assertTrue(ContainerExitClassifier.describe(status(ContainerExitStatus.DISKS_FAILED, ""))
                .contains("disks"));
    }

    @Test
    void givesTheExitCodeOfAProcessThatDied() {
        assertEquals("exited with code 143", ContainerExitClassifier.describe(status(143, "")));
    }

    @Test
    void givesTheFirstExceptionOfItsStderrInsteadOfYarnsWholeDiagnostics() {
        String diagnostics =
                "[2026-12-03 07:59:44.063]Exception from container-launch.\nContainer id: c\nExit code: 1\n\n"
                        + "[2026-12-03 07:59:44.083]Container exited with a non-zero exit code 1. Error file: "
                        + "prelaunch.err.\n"
                        + "Last 4096 bytes of prelaunch.err :\nCould not start the TaskManager: "
                        + "java.net.BindException: Address in use\n";
        assertEquals(
                "exited with code 1: Could not start the TaskManager: java.net.BindException: Address in use",
                ContainerExitClassifier.describe(status(1, diagnostics)));
    }

    @Test
    void keepsDiagnosticsOnOneLine() {
        String line = ContainerExitClassifier.describe(status(1, "first\nsecond"));
        assertEquals("exited with code 1 (first second)", line);
    }
}
