package io.floe.runtime.highavailability;

import java.io.IOException;

/**
 * Where the leading JobManager's ResourceManager is: a fixed address, or one that a new leader (a
 * new YARN application attempt) publishes, so that TaskManagers can follow it. Implementations are
 * thread-safe; {@link #current} may block on I/O.
 */
public interface LeaderRetrieval {
    /**
     * A leader: the RPC address of its ResourceManager ({@code host:port/resourcemanager}), a token
     * that no other leadership has (the attempt id on YARN) and the URL of its REST endpoint
     * ({@code http://host:port}; null where it is not published).
     */
    record Leader(String resourceManagerAddress, String token, String restUrl) {
        public Leader(String resourceManagerAddress, String token) {
            this(resourceManagerAddress, token, null);
        }
    }

    /** The leader now, or null if none has been published yet. */
    Leader current() throws IOException;

    /**
     * Runs {@code listener} (on a thread of the implementation's, quickly) whenever the leader may
     * have changed, so followers need not wait for their next look at {@link #current}. By default
     * nothing is told: followers poll.
     */
    default void onChange(Runnable listener) {}

    /** Stops telling {@code listener} (given to {@link #onChange}). */
    default void removeOnChange(Runnable listener) {}

    /** Whether the leader never changes (no high availability): nothing to watch. */
    default boolean isFixed() {
        return false;
    }

    /** The JobManager at {@code resourceManagerAddress}, for good. */
    static LeaderRetrieval fixed(String resourceManagerAddress) {
        Leader leader = new Leader(resourceManagerAddress, "fixed");
        return new LeaderRetrieval() {
            @Override
            public Leader current() {
                return leader;
            }

            @Override
            public boolean isFixed() {
                return true;
            }
        };
    }
}
