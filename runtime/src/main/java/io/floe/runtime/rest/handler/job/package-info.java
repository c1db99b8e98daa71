/**
 * Handlers of the job endpoints under {@code /jobs}: listing, details, status, exceptions, the
 * execution result that clients poll, cancellation ({@code PATCH}) and multipart submission
 * ({@code POST}). Each runs on the Netty event loop and only composes futures of the
 * {@link io.floe.runtime.dispatcher.DispatcherGateway} or the
 * {@link io.floe.runtime.rest.JobSubmitter}; blocking file reads go to the server's I/O executor.
 */
package io.floe.runtime.rest.handler.job;
