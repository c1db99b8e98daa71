package io.floe.yarn;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.yarn.api.records.QueueInfo;
import org.apache.hadoop.yarn.api.records.Resource;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.exceptions.YarnException;

/**
 * Checks before anything is uploaded: the containers fit the cluster's largest allocation, and the
 * queue exists. Each failure is one line that says which key to change.
 */
public final class ClusterResourceCheck {
    private ClusterResourceCheck() {}

    static void checkFits(String what, String memoryKey, long memoryMb, String vcoresKey, int vcores, Resource max) {
        if (memoryMb > max.getMemorySize()) {
            throw new IllegalArgumentException("The " + what + " needs " + memoryMb + " MB (" + memoryKey
                    + ") but the largest YARN container is " + max.getMemorySize()
                    + " MB (yarn.scheduler.maximum-allocation-mb); lower " + memoryKey + ".");
        }
        if (vcores > max.getVirtualCores()) {
            throw new IllegalArgumentException("The " + what + " needs " + vcores + " vcores (" + vcoresKey
                    + ") but the largest YARN container has " + max.getVirtualCores()
                    + " (yarn.scheduler.maximum-allocation-vcores); lower " + vcoresKey + ".");
        }
    }

    static void checkQueue(YarnClient client, String queue) throws IOException, YarnException {
        List<String> known = new ArrayList<>();
        for (QueueInfo info : client.getAllQueues()) {
            known.add(info.getQueueName());
            if (info.getQueueName().equals(queue)
                    || info.getQueuePath() != null && info.getQueuePath().equals(queue)) {
                return;
            }
        }
        if (known.isEmpty()) {
            return; // a scheduler that lists no queues cannot be checked
        }
        throw new IllegalArgumentException("The YARN queue '" + queue + "' (yarn.application.queue) does not exist; "
                + "known queues: " + String.join(", ", known) + ".");
    }

    /** The vcores of a TaskManager container: {@code yarn.containers.vcores}, else one per slot. */
    public static int taskManagerVcores(Configuration configuration) {
        int vcores = configuration.get(YarnConfigOptions.CONTAINER_VCORES);
        return vcores > 0 ? vcores : configuration.get(ClusterOptions.NUM_TASK_SLOTS);
    }
}
