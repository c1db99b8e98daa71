package io.floe.runtime.security;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports connections refused by a {@link SecretChallengeServerHandler}: at WARN the first time
 * a remote host is refused, at DEBUG afterwards, so a misconfigured client that reconnects in a
 * loop cannot flood the log. One instance per server, shared by all its connections;
 * thread-safe.
 */
public final class RefusedConnectionLog {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedConnectionLog.class);
    /** Bounds the memory an attacker can make us spend on remembered hosts. */
    static final int MAX_REMEMBERED_HOSTS = 10_000;

    private final String serviceName;
    private final Set<String> warnedHosts = ConcurrentHashMap.newKeySet();
    private final AtomicLong refusals = new AtomicLong();

    /** @param serviceName names the server in the log, e.g. "BlobServer" */
    public RefusedConnectionLog(String serviceName) {
        this.serviceName = serviceName;
    }

    /** Records that the connection from {@code remote} was refused; any thread. */
    public void refused(SocketAddress remote, String reason) {
        refusals.incrementAndGet();
        String host = hostOf(remote);
        if (warnedHosts.size() < MAX_REMEMBERED_HOSTS && warnedHosts.add(host)) {
            LOG.warn(
                    "{} refused a connection from {}: {}. Make sure the client uses this cluster's secret;"
                            + " further refusals of this host are logged at DEBUG.",
                    serviceName,
                    host,
                    reason);
        } else {
            LOG.debug("{} refused a connection from {}: {}", serviceName, remote, reason);
        }
    }

    /** Connections refused so far. */
    public long refusedCount() {
        return refusals.get();
    }

    private static String hostOf(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() != null ? inet.getAddress().getHostAddress() : inet.getHostString();
        }
        return String.valueOf(remote);
    }
}
