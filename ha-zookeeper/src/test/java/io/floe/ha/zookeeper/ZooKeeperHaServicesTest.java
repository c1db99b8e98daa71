package io.floe.ha.zookeeper;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.runtime.highavailability.HighAvailabilityServices;
import io.floe.runtime.highavailability.LeaderElection;
import io.floe.runtime.highavailability.LeaderElection.Leadership;
import io.floe.runtime.highavailability.LeaderRetrieval;
import io.floe.runtime.highavailability.LeaderRetrieval.Leader;
import io.floe.runtime.highavailability.LeadershipLostException;
import io.floe.testutils.Deadline;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.curator.test.InstanceSpec;
import org.apache.curator.test.TestingServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Election, retrieval and fencing on a real ZooKeeper server (Curator's TestingServer). */
class ZooKeeperHaServicesTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static TestingServer zooKeeper;
    private static final AtomicInteger CLUSTERS = new AtomicInteger();
    private final ExecutorService campaigns = Executors.newCachedThreadPool();
    private String clusterId;

    @BeforeAll
    static void startZooKeeper() throws Exception {
        // tick 500 ms: sessions may be as short as 1 s, so expiry tests stay quick
        zooKeeper = new TestingServer(new InstanceSpec(null, -1, -1, -1, true, -1, 500, -1), true);
    }

    @AfterAll
    static void stopZooKeeper() throws Exception {
        zooKeeper.close();
    }

    @AfterEach
    void stopCampaigns() {
        campaigns.shutdownNow();
    }

    private Configuration configuration() {
        if (clusterId == null) {
            clusterId = "/cluster-" + CLUSTERS.incrementAndGet();
        }
        Configuration configuration = new Configuration();
        configuration.set(ClusterOptions.HA_TYPE, "zookeeper");
        configuration.set(ClusterOptions.HA_ZOOKEEPER_QUORUM, zooKeeper.getConnectString());
        configuration.set(ClusterOptions.HA_CLUSTER_ID, clusterId);
        configuration.set(ClusterOptions.HA_ZOOKEEPER_SESSION_TIMEOUT, Duration.ofSeconds(2));
        configuration.set(ClusterOptions.HA_ZOOKEEPER_CONNECTION_TIMEOUT, Duration.ofSeconds(5));
        configuration.set(ClusterOptions.HA_ZOOKEEPER_RETRY_WAIT, Duration.ofMillis(200));
        return configuration;
    }

    private CompletableFuture<Leadership> campaign(LeaderElection election) {
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return election.awaitLeadership();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                campaigns);
    }

    @Test
    void theServiceLoaderFindsZooKeeper() {
        try (HighAvailabilityServices services = HighAvailabilityServices.create(configuration())) {
            assertTrue(
                    services instanceof ZooKeeperHaServices, services.getClass().getName());
        }
    }

    @Test
    void aStandbyLeadsOnceTheLeaderIsGoneAndFollowersSeeIt() throws Exception {
        HighAvailabilityServices first = HighAvailabilityServices.create(configuration());
        HighAvailabilityServices second = HighAvailabilityServices.create(configuration());
        try (HighAvailabilityServices follower = HighAvailabilityServices.create(configuration())) {
            LeaderRetrieval leaders = follower.leaderRetrieval();
            AtomicInteger changes = new AtomicInteger();
            leaders.onChange(changes::incrementAndGet);
            assertNull(leaders.current(), "nobody has published yet");

            Leadership firstTerm = campaign(first.leaderElection("cluster")).get(30, TimeUnit.SECONDS);
            CompletableFuture<Leadership> secondTerm = campaign(second.leaderElection("cluster"));
            firstTerm.publish(new Leader("host-a:1/resourcemanager", firstTerm.token(), "http://host-a:8081"));
            Deadline.waitUntil(() -> read(leaders) != null, WAIT, "the follower sees the first leader");
            assertEquals(
                    new Leader("host-a:1/resourcemanager", firstTerm.token(), "http://host-a:8081"), read(leaders));
            assertFalse(secondTerm.isDone(), "one leader at a time");
            firstTerm.confirm();

            first.close(); // the leader's process ends: its session, latch node and leader node go with it
            Leadership next = secondTerm.get(30, TimeUnit.SECONDS);
            assertTrue(firstTerm.lost().isDone(), "the first term ended");
            assertNotEquals(firstTerm.token(), next.token(), "every term has its own token");
            next.publish(new Leader("host-b:2/resourcemanager", next.token(), "http://host-b:8082"));
            Deadline.waitUntil(
                    () -> read(leaders) != null && read(leaders).token().equals(next.token()),
                    WAIT,
                    "the follower sees the new leader");
            assertTrue(changes.get() >= 2, "the follower was told of each change: " + changes.get());
        } finally {
            first.close();
            second.close();
        }
    }

    private static Leader read(LeaderRetrieval leaders) {
        try {
            return leaders.current();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A leader whose session expired (as after SIGSTOP longer than the session timeout) can write nothing. */
    @Test
    void aLeaderWhoseSessionExpiredIsFenced() throws Exception {
        ZooKeeperHaServices first = ZooKeeperHaServices.connect(configuration());
        try (ZooKeeperHaServices second = ZooKeeperHaServices.connect(configuration())) {
            Leadership firstTerm = campaign(first.leaderElection(null)).get(30, TimeUnit.SECONDS);
            firstTerm.publish(new Leader("host-a:1/resourcemanager", firstTerm.token(), "http://host-a:8081"));
            LeaderRetrieval beforeExpiry = first.leaderRetrieval();
            Deadline.waitUntil(() -> read(beforeExpiry) != null, WAIT, "the first leader is read");
            CompletableFuture<Leadership> secondTerm = campaign(second.leaderElection(null));
            first.expireSessionForTest();
            firstTerm.lost().get(30, TimeUnit.SECONDS);
            assertThrows(LeadershipLostException.class, firstTerm::confirm);
            assertThrows(
                    LeadershipLostException.class,
                    () -> firstTerm.publish(new Leader("host-a:1/resourcemanager", firstTerm.token(), null)));
            Leadership next = secondTerm.get(30, TimeUnit.SECONDS);
            next.confirm();
            next.publish(new Leader("host-b:2/resourcemanager", next.token(), "http://host-b:8082"));
            Deadline.waitUntil(
                    () -> read(beforeExpiry) != null
                            && read(beforeExpiry).token().equals(next.token()),
                    WAIT,
                    "the woken process sees the new leader");
        } finally {
            first.close();
        }
    }

    /** ZooKeeper gone longer than the session: the term ends; when it is back, a leader is elected again. */
    @Test
    void leadershipEndsWhileZooKeeperIsDownAndComesBackAfter() throws Exception {
        try (ZooKeeperHaServices services = ZooKeeperHaServices.connect(configuration())) {
            LeaderElection election = services.leaderElection(null);
            Leadership term = campaign(election).get(30, TimeUnit.SECONDS);
            zooKeeper.stop();
            try {
                term.lost().get(30, TimeUnit.SECONDS);
            } finally {
                zooKeeper.restart();
            }
            Leadership again = campaign(election).get(60, TimeUnit.SECONDS);
            again.confirm();
            assertNotEquals(term.token(), again.token());
        }
    }

    @Test
    void aQuorumThatDoesNotAnswerGetsOneLineNamingIt() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        Configuration configuration = configuration();
        configuration.set(ClusterOptions.HA_ZOOKEEPER_QUORUM, "127.0.0.1:" + closedPort);
        configuration.set(ClusterOptions.HA_ZOOKEEPER_CONNECTION_TIMEOUT, Duration.ofSeconds(1));
        String message = assertThrows(
                        IllegalConfigurationException.class, () -> HighAvailabilityServices.create(configuration))
                .getMessage();
        assertTrue(
                message.contains("127.0.0.1:" + closedPort)
                        && message.contains("high-availability.zookeeper.quorum")
                        && message.contains("1 s"),
                message);
    }

    @Test
    void aClusterIdThatAnotherClusterUsesIsRefused() {
        try (HighAvailabilityServices mine = HighAvailabilityServices.create(configuration());
                HighAvailabilityServices theirs = HighAvailabilityServices.create(configuration())) {
            mine.leaderElection("secret-digest-of-mine").close();
            mine.leaderElection("secret-digest-of-mine").close(); // the same cluster again: fine
            String message = assertThrows(
                            IllegalConfigurationException.class, () -> theirs.leaderElection("another-digest"))
                    .getMessage();
            assertTrue(message.contains("high-availability.cluster-id") && message.contains(clusterId), message);
        }
    }
}
