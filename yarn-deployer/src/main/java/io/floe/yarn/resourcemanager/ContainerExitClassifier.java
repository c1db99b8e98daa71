package io.floe.yarn.resourcemanager;

import io.floe.yarn.ContainerDiagnostics;
import org.apache.hadoop.yarn.api.records.ContainerExitStatus;
import org.apache.hadoop.yarn.api.records.ContainerStatus;

/**
 * Says in one line why a YARN container ended: the exit status's meaning (naming the key to change
 * when there is one), then the first error line of the container's stderr if it wrote one, else
 * YARN's diagnostics.
 */
final class ContainerExitClassifier {
    private ContainerExitClassifier() {}

    static String describe(ContainerStatus status) {
        int exit = status.getExitStatus();
        String diagnostics = status.getDiagnostics() == null
                ? ""
                : status.getDiagnostics().replace('\n', ' ').trim();
        String cause =
                switch (exit) {
                    case ContainerExitStatus.SUCCESS -> "exited normally";
                    case ContainerExitStatus.KILLED_EXCEEDED_PMEM ->
                        "killed for exceeding its physical memory; raise taskmanager.memory.process.size";
                    case ContainerExitStatus.KILLED_EXCEEDED_VMEM ->
                        "killed for exceeding its virtual memory; raise yarn.nodemanager.vmem-pmem-ratio on the "
                                + "cluster "
                                + "or turn yarn.nodemanager.vmem-check-enabled off";
                    case ContainerExitStatus.PREEMPTED -> "preempted by the YARN scheduler";
                    case ContainerExitStatus.DISKS_FAILED -> "lost: the disks of its NodeManager failed";
                    case ContainerExitStatus.ABORTED -> "aborted (released, or its node was lost)";
                    case ContainerExitStatus.KILLED_BY_RESOURCEMANAGER -> "killed by the YARN ResourceManager";
                    case ContainerExitStatus.KILLED_BY_APPMASTER -> "stopped by the ApplicationMaster";
                    case ContainerExitStatus.KILLED_AFTER_APP_COMPLETION -> "killed after the application completed";
                    default -> "exited with code " + exit;
                };
        String errorLine = ContainerDiagnostics.cause(status.getDiagnostics());
        if (errorLine != null) {
            return cause + ": " + errorLine;
        }
        return cause + (diagnostics.isEmpty() ? "" : " (" + abbreviate(diagnostics) + ")");
    }

    private static String abbreviate(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "...";
    }
}
