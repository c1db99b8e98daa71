/**
 * The REST server of the JobManager: {@link io.floe.runtime.rest.RestServerEndpoint}, a Netty
 * HTTP/1.1 server that speaks Flink's REST API (paths, JSON field names, {@code {"errors":[...]}}
 * bodies, multipart {@code POST /jobs}) on top of the
 * {@link io.floe.runtime.dispatcher.DispatcherGateway}.
 *
 * <p>Owning threads: each connection belongs to one Netty event loop, which reads the request
 * ({@code RestRequestReader}: size limit, multipart to disk), routes it ({@code RoutingHandler})
 * and calls the endpoint's handler; handlers never block, and answers are written from whichever
 * thread completes the handler's future. Blocking file work runs on the endpoint's I/O threads.
 *
 * <p>Collaborators: the Dispatcher (every query), a {@link io.floe.runtime.rest.JobSubmitter}
 * (submissions; in the JobManager it ships the jars to the blob server), and the handlers in
 * {@code handler.*}, one class per endpoint. Bodies are the records of {@code messages}, which the
 * REST client shares.
 */
package io.floe.runtime.rest;
