package io.floe.runtime.highavailability;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import io.floe.runtime.jobgraph.JobGraph;
import java.io.IOException;
import java.util.List;

/**
 * The durable stores of a JobManager that has to lead to write: every change first confirms
 * leadership through the {@link LeadershipFence}, so a deposed leader that wakes up (SIGCONT after
 * SIGSTOP) fails its writes instead of recording an older checkpoint or a job's end over what its
 * successor wrote. Reads are not fenced. Stateless.
 */
public final class FencedStores {
    private FencedStores() {}

    public static CompletedCheckpointStore fenced(CompletedCheckpointStore store, LeadershipFence fence) {
        if (fence == LeadershipFence.NONE || store == CompletedCheckpointStore.NONE) {
            return store;
        }
        return new CompletedCheckpointStore() {
            @Override
            public void add(JobId jobId, long checkpointId, String directory) throws IOException {
                fence.confirm();
                store.add(jobId, checkpointId, directory);
            }

            @Override
            public String latest(JobId jobId) throws IOException {
                return store.latest(jobId);
            }

            @Override
            public void remove(JobId jobId) throws IOException {
                fence.confirm();
                store.remove(jobId);
            }

            @Override
            public void confirmLeadership() throws LeadershipLostException {
                fence.confirm();
            }

            @Override
            public String toString() {
                return store.toString();
            }
        };
    }

    public static JobResultStore fenced(JobResultStore store, LeadershipFence fence) {
        if (fence == LeadershipFence.NONE || store == JobResultStore.NONE) {
            return store;
        }
        return new JobResultStore() {
            @Override
            public void markEnded(JobId jobId, JobStatus status) throws IOException {
                fence.confirm();
                store.markEnded(jobId, status);
            }

            @Override
            public JobStatus endedAs(JobId jobId) throws IOException {
                return store.endedAs(jobId);
            }

            @Override
            public String toString() {
                return store.toString();
            }
        };
    }

    public static JobGraphStore fenced(JobGraphStore store, LeadershipFence fence) {
        if (fence == LeadershipFence.NONE || store == null) {
            return store;
        }
        return new JobGraphStore() {
            @Override
            public void put(JobGraph jobGraph) throws IOException {
                fence.confirm();
                store.put(jobGraph);
            }

            @Override
            public void remove(JobId jobId) throws IOException {
                fence.confirm();
                store.remove(jobId);
            }

            @Override
            public List<JobGraph> recover() throws IOException {
                return store.recover();
            }

            @Override
            public String toString() {
                return store.toString();
            }
        };
    }
}
