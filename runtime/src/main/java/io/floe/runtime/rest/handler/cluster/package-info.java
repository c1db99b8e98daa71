/**
 * Handlers of the cluster-wide endpoints: {@code /overview}, {@code /config},
 * {@code /jobmanager/config} and {@code /taskmanagers}. Each runs on the Netty event loop and only
 * composes the {@link io.floe.runtime.dispatcher.DispatcherGateway}'s futures; none blocks.
 */
package io.floe.runtime.rest.handler.cluster;
