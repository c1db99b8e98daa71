package io.floe.runtime.highavailability;

/**
 * Lets a JobManager write durable HA data only while it still leads: a deposed or long-paused
 * leader (SIGSTOP, then SIGCONT) must not record a checkpoint, a job result or a job graph change
 * over what its successor wrote.
 */
@FunctionalInterface
public interface LeadershipFence {
    /** No election: the only JobManager always leads. */
    LeadershipFence NONE = () -> {};

    /**
     * Confirms, with a round trip to the coordination service, that this process still leads.
     *
     * @throws LeadershipLostException if it does not (or that cannot be confirmed): write nothing
     */
    void confirm() throws LeadershipLostException;
}
