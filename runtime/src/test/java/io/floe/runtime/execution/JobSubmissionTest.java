package io.floe.runtime.execution;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.Configuration;
import io.floe.configuration.CoreOptions;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class JobSubmissionTest {
    @AfterEach
    void clearContextExecutor() {
        JobSubmission.setContextExecutor(null);
    }

    @Test
    void theEmbeddedTargetGoesToTheExecutorTheLauncherSet() {
        PipelineExecutor embedded = (jobGraph, configuration) -> CompletableFuture.completedFuture(null);
        JobSubmission.setContextExecutor(embedded);

        assertSame(embedded, JobSubmission.findExecutor(target(JobSubmission.EMBEDDED_TARGET)));
    }

    @Test
    void theEmbeddedTargetOutsideAJobManagerSaysWhereItExists() {
        IllegalArgumentException e = assertThrows(
                IllegalArgumentException.class,
                () -> JobSubmission.findExecutor(target(JobSubmission.EMBEDDED_TARGET)));

        assertTrue(e.getMessage().contains("only exists for programs run inside a JobManager"), e.getMessage());
    }

    @Test
    void anUnknownTargetListsTheKnownOnes() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> JobSubmission.findExecutor(target("nowhere")));

        assertTrue(
                e.getMessage().contains("Unknown execution.target 'nowhere'")
                        && e.getMessage().contains("local"),
                e.getMessage());
    }

    private static Configuration target(String target) {
        Configuration configuration = new Configuration();
        configuration.set(CoreOptions.TARGET, target);
        return configuration;
    }
}
