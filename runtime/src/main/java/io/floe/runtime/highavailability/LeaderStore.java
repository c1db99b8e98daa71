package io.floe.runtime.highavailability;

import java.io.IOException;

/**
 * The leader's address kept durably ({@code high-availability.type: yarn}): the running YARN
 * application attempt publishes itself when its JobManager is up, and the TaskManagers of earlier
 * attempts, which YARN keeps running, read it to re-register with the new leader.
 */
public interface LeaderStore extends LeaderRetrieval {
    /** Makes {@code leader} the current one; atomic: readers see the old or the new leader, whole. */
    void publish(Leader leader) throws IOException;

    /** Removes {@code leader} if it is still the published one (its cluster ended): the place can be reused. */
    void withdraw(Leader leader) throws IOException;
}
