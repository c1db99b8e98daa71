package io.floe.runtime.entrypoint;

import io.floe.configuration.ClusterOptions;
import io.floe.configuration.Configuration;
import io.floe.configuration.SecurityOptions;
import io.floe.runtime.blob.BlobServer;
import io.floe.runtime.dispatcher.BlobJobSubmitter;
import io.floe.runtime.dispatcher.DispatcherGateway;
import io.floe.runtime.highavailability.JobGraphStore;
import io.floe.runtime.rest.RestServerConfig;
import io.floe.runtime.rest.RestServerEndpoint;
import io.floe.runtime.rpc.netty.NettyRpcService;
import io.floe.runtime.security.ClusterSecret;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Starts the REST endpoint of a JobManager on {@code rest.bind-address}:{@code rest.port}: it
 * reaches the Dispatcher over RPC like any other client, and stores uploaded jars in the BlobServer.
 */
final class RestEndpointLauncher {
    private RestEndpointLauncher() {}

    /** The running endpoint. */
    record Running(RestServerEndpoint endpoint, String url) implements AutoCloseable {
        int port() {
            return endpoint.getPort();
        }

        @Override
        public void close() {
            endpoint.close();
        }
    }

    /**
     * @param secret the cluster secret; with {@code rest.authentication: cluster-secret} (the default)
     *     calls that change the cluster must prove it
     */
    static Running start(
            Configuration configuration,
            NettyRpcService rpcService,
            String dispatcherAddress,
            BlobServer blobServer,
            JobGraphStore jobStore,
            Runnable clusterShutdown,
            ClusterSecret secret) {
        DispatcherGateway dispatcher;
        try {
            dispatcher = rpcService
                    .connect(dispatcherAddress, DispatcherGateway.class)
                    .get(configuration.get(ClusterOptions.ASK_TIMEOUT).toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("The REST endpoint cannot reach the Dispatcher at " + dispatcherAddress, e);
        }
        String base = configuration.get(ClusterOptions.BLOB_STORAGE_DIRECTORY, System.getProperty("java.io.tmpdir"));
        Path uploads = Path.of(base, "floe-rest-uploads-" + UUID.randomUUID());
        RestServerEndpoint endpoint = new RestServerEndpoint(
                        new RestServerConfig(
                                configuration.get(ClusterOptions.REST_BIND_ADDRESS),
                                configuration.get(ClusterOptions.REST_PORT),
                                configuration
                                        .get(ClusterOptions.REST_SERVER_MAX_CONTENT_LENGTH)
                                        .getBytes(),
                                uploads,
                                RestServerConfig.DEFAULT_REQUEST_TIMEOUT,
                                configuration.get(ClusterOptions.REST_IDLENESS_TIMEOUT),
                                SecurityOptions.restAuthenticationRequired(configuration) ? secret : null),
                        dispatcher,
                        new BlobJobSubmitter(
                                blobServer, dispatcher, configuration.get(ClusterOptions.ASK_TIMEOUT), jobStore),
                        shownConfiguration(configuration))
                .onClusterShutdownRequest(clusterShutdown);
        try {
            endpoint.start();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot start the REST endpoint on " + configuration.get(ClusterOptions.REST_BIND_ADDRESS) + ":"
                            + configuration.get(ClusterOptions.REST_PORT) + ": " + e.getMessage(),
                    e);
        }
        return new Running(
                endpoint, "http://" + configuration.get(ClusterOptions.REST_ADDRESS) + ":" + endpoint.getPort());
    }

    /** The configuration {@code /jobmanager/config} shows, without anything that looks secret. */
    private static Map<String, String> shownConfiguration(Configuration configuration) {
        Map<String, String> shown = new TreeMap<>();
        configuration.toMap().forEach((key, value) -> {
            String lower = key.toLowerCase(Locale.ROOT);
            if (!lower.contains("secret") && !lower.contains("password") && !lower.contains("token")) {
                shown.put(key, value);
            }
        });
        return shown;
    }
}
