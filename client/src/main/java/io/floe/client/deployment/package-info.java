/**
 * Executors the client adds to the runtime's {@code execution.target}s, found through
 * {@link java.util.ServiceLoader}: {@code remote} submits over REST to a running cluster.
 * Called on the program's thread; job clients poll on daemon threads of their own.
 */
package io.floe.client.deployment;
