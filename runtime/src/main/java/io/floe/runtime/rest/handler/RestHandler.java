package io.floe.runtime.rest.handler;

import java.util.concurrent.CompletableFuture;

/**
 * Answers the requests of one endpoint (one method and path template).
 *
 * <p>Threading: {@link #handle} runs on the Netty event-loop thread of the connection and must not
 * block, neither on I/O nor on a future; the returned future may complete on any thread.
 * Implementations are shared by all connections and must be thread-safe (in practice stateless).
 */
public interface RestHandler {

    /**
     * Starts answering the request. Fail the future (or throw) with a
     * {@link RestHandlerException} for a client error; any other failure is translated by
     * {@link GatewayFailureTranslator}. Uploaded files belong to the server, which deletes them
     * once the returned future has completed.
     */
    CompletableFuture<RestResponse> handle(HandlerRequest request);
}
