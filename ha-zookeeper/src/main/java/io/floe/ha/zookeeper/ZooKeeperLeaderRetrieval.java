package io.floe.ha.zookeeper;

import io.floe.runtime.highavailability.LeaderRetrieval;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.recipes.cache.ChildData;
import org.apache.curator.framework.recipes.cache.CuratorCache;
import org.apache.curator.framework.recipes.cache.CuratorCacheListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Watches the {@code leader} node: {@link #current} answers from the local copy ZooKeeper keeps
 * up to date, and listeners hear of every change at once. Thread-safe.
 */
final class ZooKeeperLeaderRetrieval implements LeaderRetrieval, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperLeaderRetrieval.class);

    private final CuratorCache cache;
    private final ZooKeeperPaths paths;
    private final String quorum;
    private final Duration firstReadTimeout;
    private final CountDownLatch initialized = new CountDownLatch(1);
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    private ZooKeeperLeaderRetrieval(
            CuratorFramework client, ZooKeeperPaths paths, String quorum, Duration firstReadTimeout) {
        this.paths = paths;
        this.quorum = quorum;
        this.firstReadTimeout = firstReadTimeout;
        this.cache = CuratorCache.build(client, paths.leader(), CuratorCache.Options.SINGLE_NODE_CACHE);
    }

    static ZooKeeperLeaderRetrieval start(
            CuratorFramework client, ZooKeeperPaths paths, String quorum, Duration firstReadTimeout) {
        ZooKeeperLeaderRetrieval retrieval = new ZooKeeperLeaderRetrieval(client, paths, quorum, firstReadTimeout);
        retrieval
                .cache
                .listenable()
                .addListener(CuratorCacheListener.builder()
                        .forAll((type, before, after) -> retrieval.changed())
                        .forInitialized(retrieval.initialized::countDown)
                        .build());
        retrieval.cache.start();
        return retrieval;
    }

    private void changed() {
        for (Runnable listener : listeners) {
            try {
                listener.run();
            } catch (RuntimeException e) {
                LOG.debug("A leader listener failed", e);
            }
        }
    }

    /** The published leader; waits for the first read from ZooKeeper (at most the connection timeout). */
    @Override
    public Leader current() throws IOException {
        try {
            if (!initialized.await(firstReadTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IOException("Could not read " + paths.leader() + " from ZooKeeper at " + quorum + " within "
                        + firstReadTimeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while reading the leader from ZooKeeper", e);
        }
        return cache.get(paths.leader())
                .map(ChildData::getData)
                .map(LeaderRecord::decode)
                .orElse(null);
    }

    @Override
    public void onChange(Runnable listener) {
        listeners.add(listener);
    }

    @Override
    public void close() {
        cache.close();
    }

    @Override
    public String toString() {
        return "ZooKeeper at " + quorum + " (" + paths.leader() + ")";
    }
}
