/**
 * The deployment latency benchmark D1–D4 (see {@code benchmarks/README.md}): Floe deployed on a
 * MiniYARNCluster + MiniDFSCluster in one client JVM, measured the way the Flink anchor's Part B
 * measures Flink 1.20.
 *
 * <p>{@link io.floe.benchmarks.deploy.YarnDeploymentBench} runs one round on its main thread:
 * {@link io.floe.benchmarks.deploy.MiniClusters} starts the clusters,
 * {@link io.floe.benchmarks.deploy.Scenarios} deploys and times (with a
 * {@link io.floe.benchmarks.deploy.ScenarioClock} per scenario) and prints
 * {@link io.floe.benchmarks.deploy.ScenarioResult} lines, and
 * {@link io.floe.benchmarks.deploy.ContainerLogTimeline} shows from the container logs where the
 * time went. The job is {@link io.floe.benchmarks.deploy.job.TinyJob}, shipped as a jar of its
 * own. {@link io.floe.benchmarks.deploy.DeploymentTable} turns the RESULT lines of all rounds, Floe's
 * and Flink's, into the table {@code benchmarks/run-deploy.sh} prints.
 */
package io.floe.benchmarks.deploy;
