package io.floe.ha.zookeeper;

import io.floe.runtime.highavailability.LeaderRetrieval;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.CuratorWatcher;
import org.apache.curator.framework.state.ConnectionState;
import org.apache.curator.framework.state.ConnectionStateListener;
import org.apache.zookeeper.KeeperException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the {@code leader} node: it is read again on every change ZooKeeper reports and after
 * every reconnection (a watch set before a lost session fires nothing), and again shortly after a
 * read that failed (it left no watch), so {@link #current}
 * answers from memory and listeners hear of a new leader at once. Thread-safe; reads run on one
 * thread of its own, never on ZooKeeper's event thread.
 */
final class ZooKeeperLeaderRetrieval implements LeaderRetrieval, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperLeaderRetrieval.class);
    private static final long RETRY_MILLIS = 500;

    private final CuratorFramework client;
    private final ZooKeeperPaths paths;
    private final String quorum;
    private final Duration firstReadTimeout;
    private final CountDownLatch firstRead = new CountDownLatch(1);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService reads = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "floe-leader-retrieval");
        thread.setDaemon(true);
        return thread;
    });
    private final CuratorWatcher watcher = event -> readLater();
    private final ConnectionStateListener reconnections = (client, state) -> {
        if (state == ConnectionState.RECONNECTED) {
            readLater();
        }
    };
    private volatile Leader leader;

    private ZooKeeperLeaderRetrieval(
            CuratorFramework client, ZooKeeperPaths paths, String quorum, Duration firstReadTimeout) {
        this.client = client;
        this.paths = paths;
        this.quorum = quorum;
        this.firstReadTimeout = firstReadTimeout;
    }

    static ZooKeeperLeaderRetrieval start(
            CuratorFramework client, ZooKeeperPaths paths, String quorum, Duration firstReadTimeout) {
        ZooKeeperLeaderRetrieval retrieval = new ZooKeeperLeaderRetrieval(client, paths, quorum, firstReadTimeout);
        client.getConnectionStateListenable().addListener(retrieval.reconnections);
        retrieval.readLater();
        return retrieval;
    }

    private void readLater() {
        readIn(0);
    }

    private void readIn(long millis) {
        try {
            reads.schedule(this::read, millis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // closed
        }
    }

    /** Reads the node and leaves a watch on it (on its creation, while it does not exist). */
    private void read() {
        Leader now;
        try {
            now = LeaderRecord.decode(client.getData().usingWatcher(watcher).forPath(paths.leader()));
        } catch (KeeperException.NoNodeException e) {
            try {
                if (client.checkExists().usingWatcher(watcher).forPath(paths.leader()) != null) {
                    readLater(); // created meanwhile
                    return;
                }
            } catch (Exception again) {
                LOG.debug("Could not watch {}: {}", paths.leader(), again.toString());
                readIn(RETRY_MILLIS);
                return;
            }
            now = null;
        } catch (Exception e) { // (no watch is left: read again soon, also if no reconnection is reported)
            LOG.debug("Could not read {}: {}", paths.leader(), e.toString());
            readIn(RETRY_MILLIS);
            return;
        }
        Leader before = leader;
        leader = now;
        firstRead.countDown();
        if (!Objects.equals(before, now)) {
            for (Runnable listener : listeners) {
                try {
                    listener.run();
                } catch (RuntimeException e) {
                    LOG.debug("A leader listener failed", e);
                }
            }
        }
    }

    /** The published leader; waits for the first read from ZooKeeper (at most the connection timeout). */
    @Override
    public Leader current() throws IOException {
        try {
            if (!firstRead.await(firstReadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("Could not read " + paths.leader() + " from ZooKeeper at " + quorum + " within "
                        + firstReadTimeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the leader from ZooKeeper", e);
        }
        return leader;
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void removeOnChange(Runnable listener) {
        listeners.remove(listener);
    }

    @Override
    public void close() {
        client.getConnectionStateListenable().removeListener(reconnections);
        reads.shutdownNow();
    }

    @Override
    public String toString() {
        return "ZooKeeper at " + quorum + " (" + paths.leader() + ")";
    }
}
