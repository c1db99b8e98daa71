/**
 * The contract between the REST server and its endpoint handlers, and what handlers share.
 *
 * <p>A {@link io.floe.runtime.rest.handler.RestHandler} is called on a Netty event-loop thread with
 * a fully read {@link io.floe.runtime.rest.handler.HandlerRequest}; it must not block, so it
 * answers with a future composed from the {@link io.floe.runtime.dispatcher.DispatcherGateway}'s
 * futures. A handler fails that future with a
 * {@link io.floe.runtime.rest.handler.RestHandlerException} to choose the status; any other
 * failure becomes a 500 (or a 404 for a job the Dispatcher does not know, see
 * {@link io.floe.runtime.rest.handler.GatewayFailureTranslator}). Endpoint handlers live in
 * {@code handler.cluster} and {@code handler.job}, one class per endpoint.
 */
package io.floe.runtime.rest.handler;
