/**
 * An embedded Hadoop for trying Floe on YARN on a machine without Hadoop: one JVM that runs a
 * MiniDFSCluster (NameNode and one DataNode) and a MiniYARNCluster (ResourceManager and two
 * NodeManagers that start real container processes), writes the {@code *-site.xml} files a
 * client needs, and runs until SIGTERM. {@code bin/mini-yarn.sh} starts and stops it; the
 * small {@link io.floe.tools.miniyarn.ApplicationStatusCommand} answers the scripts' question
 * about an application without a {@code yarn} command.
 *
 * <p>Threads: the main thread starts the clusters, waits for the stop signal and stops them;
 * the clusters run their own threads. Nothing here is used by Floe itself, which is why the
 * module ships outside the distribution's {@code lib/}.
 */
package io.floe.tools.miniyarn;
