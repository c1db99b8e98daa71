package io.floe.ha.zookeeper;

import io.floe.runtime.highavailability.LeaderElection;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.highavailability.LeadershipLostException;
import java.io.EOFException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.apache.curator.framework.CuratorFramework;
import org.apache.curator.framework.api.transaction.CuratorOp;
import org.apache.curator.framework.recipes.leader.LeaderLatch;
import org.apache.curator.framework.recipes.leader.LeaderLatchListener;
import org.apache.zookeeper.CreateMode;
import org.apache.zookeeper.KeeperException;
import org.apache.zookeeper.data.Stat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Curator {@link LeaderLatch} on {@code <cluster>/latch}: the participant with the lowest
 * sequential node leads. Curator ends a term as soon as the connection is suspended (a session
 * that may expire), which is what fences a paused leader; once reconnected, the latch takes part
 * again by itself. While it leads, the process's latch node exists, so every write that must only
 * happen while leading is a ZooKeeper transaction that checks that node. Thread-safe.
 */
final class ZooKeeperLeaderElection implements LeaderElection {
    private static final Logger LOG = LoggerFactory.getLogger(ZooKeeperLeaderElection.class);

    private final CuratorFramework client;
    private final ZooKeeperPaths paths;
    private volatile LeaderLatch latch;
    private Term current;

    ZooKeeperLeaderElection(CuratorFramework client, ZooKeeperPaths paths) {
        this.client = client;
        this.paths = paths;
        this.latch = newLatch();
    }

    private LeaderLatch newLatch() {
        LeaderLatch created =
                new LeaderLatch(client, paths.latch(), UUID.randomUUID().toString());
        created.addListener(new LeaderLatchListener() {
            @Override
            public void isLeader() {}

            @Override
            public void notLeader() {
                endTerm();
            }
        });
        return created;
    }

    private synchronized void endTerm() {
        if (current != null) {
            current.lost.complete(null);
            current = null;
        }
    }

    /**
     * Ends {@code term}; if it is the current one, the latch (which does not watch its own node) also
     * takes part anew, so the next election is fair.
     */
    private synchronized void endAndRejoin(Term term) {
        if (current != term) {
            term.lost.complete(null);
            return;
        }
        endTerm();
        resetLatch();
    }

    /** Leaves the election and joins it again (a new latch node), so a lost term is followed by a fair election. */
    private synchronized void resetLatch() {
        if (latch.getState() != LeaderLatch.State.STARTED) {
            return;
        }
        try {
            latch.close(LeaderLatch.CloseMode.SILENT);
        } catch (IOException e) {
            LOG.debug("Closing the leader latch failed", e);
        }
        latch = newLatch();
        try {
            latch.start();
        } catch (Exception e) {
            LOG.warn("Could not take part in the election at {} again: {}", paths.latch(), e.toString());
        }
    }

    @Override
    public Leadership awaitLeadership() throws InterruptedException, IOException {
        synchronized (this) {
            if (latch.getState() == LeaderLatch.State.LATENT) {
                try {
                    latch.start();
                } catch (Exception e) {
                    throw new IOException("Cannot take part in the election at " + paths.latch() + ": " + e, e);
                }
            }
        }
        try {
            latch.await();
        } catch (EOFException e) {
            throw new IOException("The election was closed", e);
        }
        synchronized (this) {
            Term term = new Term(UUID.randomUUID().toString(), latch.getOurPath());
            current = term;
            if (!latch.hasLeadership()) { // lost again before the term began
                endTerm();
            }
            return term;
        }
    }

    @Override
    public void close() {
        try {
            latch.close(LeaderLatch.CloseMode.NOTIFY_LEADER);
        } catch (IOException | IllegalStateException e) {
            LOG.debug("Closing the leader latch failed", e);
        }
        endTerm();
    }

    /** One term; {@code latchNode} is this process's node in the election while it lasts. */
    private final class Term implements Leadership {
        private final String token;
        private final String latchNode;
        private final CompletableFuture<Void> lost = new CompletableFuture<>();

        Term(String token, String latchNode) {
            this.token = token;
            this.latchNode = latchNode;
        }

        @Override
        public String token() {
            return token;
        }

        @Override
        public void publish(LeaderRetrieval.Leader leader) throws IOException {
            Exception failure = null;
            for (int attempt = 0; attempt < 3; attempt++) {
                confirm();
                try {
                    List<CuratorOp> operations = new ArrayList<>();
                    operations.add(client.transactionOp().check().forPath(latchNode));
                    Stat earlier = client.checkExists().forPath(paths.leader()); // (an earlier term's, if any)
                    if (earlier != null) {
                        operations.add(client.transactionOp()
                                .delete()
                                .withVersion(earlier.getVersion())
                                .forPath(paths.leader()));
                    }
                    operations.add(client.transactionOp()
                            .create()
                            .withMode(CreateMode.EPHEMERAL)
                            .forPath(paths.leader(), LeaderRecord.encode(leader)));
                    client.transaction().forOperations(operations);
                    return;
                } catch (Exception e) { // (the earlier node may have gone or changed meanwhile: read it again)
                    failure = e;
                }
            }
            throw new LeadershipLostException(
                    "Could not publish the leader in " + paths.leader() + ": " + failure, failure);
        }

        @Override
        public void confirm() throws LeadershipLostException {
            if (lost.isDone()) {
                throw new LeadershipLostException("This JobManager's leadership " + token + " has ended");
            }
            try { // a write round trip through the ZooKeeper leader: fails once this session expired
                client.transaction()
                        .forOperations(client.transactionOp().check().forPath(latchNode));
            } catch (KeeperException.NoNodeException | KeeperException.SessionExpiredException e) {
                // the latch node is gone (the session expired, or someone deleted it): this term is over for
                // sure; the latch, which does not watch its own node, takes part anew
                endAndRejoin(this);
                throw new LeadershipLostException("This JobManager's leadership " + token + " has ended: " + e, e);
            } catch (Exception e) {
                throw new LeadershipLostException(
                        "This JobManager cannot confirm its leadership " + token + " in ZooKeeper: " + e, e);
            }
            if (lost.isDone()) {
                throw new LeadershipLostException("This JobManager's leadership " + token + " has ended");
            }
        }

        @Override
        public CompletableFuture<Void> lost() {
            return lost;
        }
    }
}
