package io.floe.runtime.minicluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobExecutionException;
import io.floe.api.JobStatus;
import io.floe.api.StreamExecutionEnvironment;
import io.floe.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** A parallelism above every slot the cluster can ever have fails with a clear error after a bounded wait. */
class NotEnoughSlotsITCase {

    @Test
    void jobAskingForMoreSlotsThanExistFailsClearly() {
        Configuration configuration = new Configuration()
                .setString("local.number-taskmanager", "1")
                .setString("taskmanager.numberOfTaskSlots", "2")
                .setString("resourcemanager.standalone.start-up-time", "1 s");
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(configuration)
                .setParallelism(5);
        env.fromSequence(1, 10).addSink(x -> {});
        long start = System.nanoTime();
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("too wide"));
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(JobStatus.FAILED, e.getStatus());
        String message = e.getCause().toString();
        assertTrue(message.contains("NoResourceAvailableException"), message);
        assertTrue(message.contains("needs 5 slot(s)") && message.contains("only 2"), message);
        assertTrue(seconds < 30, "bounded wait, took " + seconds + " s");
    }
}
