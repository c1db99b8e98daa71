package io.floe.runtime.highavailability;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;

/**
 * The election among a cluster's JobManagers ({@code high-availability.type: zookeeper}): at most
 * one leads at a time and runs the cluster; the others stand by until it is gone. Thread-safe.
 */
public interface LeaderElection extends AutoCloseable {
    /**
     * Takes part in the election and blocks until this process leads.
     *
     * @return this leadership, whose token no other leadership has
     * @throws IOException if the coordination service cannot be used
     */
    Leadership awaitLeadership() throws InterruptedException, IOException;

    /** Leaves the election (and gives up leadership, if held). */
    @Override
    void close();

    /** One term of leadership. */
    interface Leadership extends LeadershipFence {
        /** Unique to this term: the fencing token TaskManagers follow. */
        String token();

        /**
         * Publishes where this leader's services are, for TaskManagers and clients.
         *
         * @throws IOException if it could not be written, or leadership was lost meanwhile
         */
        void publish(LeaderRetrieval.Leader leader) throws IOException;

        /** Completes once this term ended (the session to the coordination service expired, or the election closed). */
        CompletableFuture<Void> lost();
    }
}
