package io.floe.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.testutils.Deadline;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** A frozen TaskManager (its main thread stalls, as in a stopped process) is declared dead by heartbeat timeout. */
class HeartbeatTimeoutITCase {

    @Test
    void frozenTaskManagerIsDeclaredDeadAndComesBackWhenItThaws() throws Exception {
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.HEARTBEAT_INTERVAL, Duration.ofMillis(100));
        configuration.set(ClusterOptions.HEARTBEAT_TIMEOUT, Duration.ofSeconds(1));
        try (MiniCluster cluster = new MiniCluster(new MiniClusterConfiguration(2, 1, configuration))) {
            cluster.start();
            Deadline.waitUntil(
                    () -> taskManagers(cluster) == 2, Duration.ofSeconds(20), "both TaskManagers registered");

            CountDownLatch thaw = new CountDownLatch(1);
            cluster.getTaskExecutors().get(1).runOnMainThread(() -> {
                try {
                    thaw.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            long frozenAt = System.nanoTime();
            Deadline.waitUntil(
                    () -> taskManagers(cluster) == 1,
                    Duration.ofSeconds(15),
                    "the frozen TaskManager to be declared dead");
            long detectionMillis = (System.nanoTime() - frozenAt) / 1_000_000;
            assertEquals(1, taskManagers(cluster));
            org.junit.jupiter.api.Assertions.assertTrue(
                    detectionMillis >= 900,
                    "declared dead only after heartbeat.timeout, not before: " + detectionMillis + " ms");

            thaw.countDown();
            Deadline.waitUntil(
                    () -> taskManagers(cluster) == 2,
                    Duration.ofSeconds(15),
                    "the thawed TaskManager to register again");
        }
    }

    private static int taskManagers(MiniCluster cluster) {
        return cluster.getDispatcherGateway().requestResourceOverview().join().numberOfTaskManagers();
    }
}
