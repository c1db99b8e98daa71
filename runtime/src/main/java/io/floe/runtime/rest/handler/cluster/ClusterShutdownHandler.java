package io.floe.runtime.rest.handler.cluster;

import io.floe.runtime.rest.handler.HandlerRequest;
import io.floe.runtime.rest.handler.RestHandler;
import io.floe.runtime.rest.handler.RestResponse;
import io.floe.runtime.rest.messages.EmptyResponseBody;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code DELETE /cluster}: asks the JobManager process to shut the cluster down (how a YARN
 * session's client stops it) and answers 202; the process ends its jobs and exits afterwards.
 */
public final class ClusterShutdownHandler implements RestHandler {
    private static final Logger LOG = LoggerFactory.getLogger(ClusterShutdownHandler.class);

    private final Runnable shutdown;

    public ClusterShutdownHandler(Runnable shutdown) {
        this.shutdown = shutdown;
    }

    @Override
    public CompletableFuture<RestResponse> handle(HandlerRequest request) {
        LOG.info("A REST client asked to shut the cluster down");
        shutdown.run();
        return CompletableFuture.completedFuture(RestResponse.accepted(EmptyResponseBody.INSTANCE));
    }
}
