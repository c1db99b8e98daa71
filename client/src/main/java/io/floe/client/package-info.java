/**
 * The client side of Floe: the {@code floe} command line ({@link io.floe.client.cli}) and the
 * packaging of a user's program ({@link io.floe.client.program}). The client runs in the user's
 * JVM; it reaches clusters only through the runtime's executor SPI
 * ({@code io.floe.runtime.execution.PipelineExecutorFactory}), so it never imports a deployer.
 */
package io.floe.client;
