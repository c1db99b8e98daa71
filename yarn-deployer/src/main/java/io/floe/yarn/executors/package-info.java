/**
 * The {@code yarn-*} execution targets, found by the client through ServiceLoader: each deploys
 * a cluster with the {@link io.floe.yarn.YarnClusterDescriptor} and follows the job over REST.
 */
package io.floe.yarn.executors;
