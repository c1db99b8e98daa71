/**
 * The client side of Floe's REST API: {@link io.floe.client.rest.RestClusterClient} submits, lists,
 * watches and cancels jobs of a running cluster over HTTP, as the {@code floe} CLI and remote
 * executors need. It speaks Flink's paths and field names, using the body records of
 * {@code io.floe.runtime.rest.messages}.
 *
 * <p>Threading: every call blocks the calling thread until the answer arrives (the JDK
 * {@link java.net.http.HttpClient} does the I/O on the client's own daemon threads); a client may
 * be used by several threads at once. Failures are
 * {@link io.floe.client.rest.RestClientException}s whose message is one line for the user.
 */
package io.floe.client.rest;
