/**
 * Floe's throughput suite, W1–W6 of the Flink comparison (see {@code benchmarks/README.md}).
 *
 * <p>{@link io.floe.benchmarks.BenchmarkSuite} runs on its own thread and starts every
 * measurement in a fresh JVM ({@link io.floe.benchmarks.WorkloadLauncher}); the job classes
 * ({@link io.floe.benchmarks.StatelessChainJob}, {@link io.floe.benchmarks.KeyedReduceJob},
 * {@link io.floe.benchmarks.WordCountJob}, {@link io.floe.benchmarks.KeyedStateCheckpointedJob},
 * {@link io.floe.benchmarks.EventTimeWindowJob}) run one workload in local mode and print one
 * {@link io.floe.benchmarks.ResultLine}, which the suite parses into its table
 * ({@link io.floe.benchmarks.ResultTable}), adding the heap peaks of the run's GC log
 * ({@link io.floe.benchmarks.GcLogHeapPeaks}). {@link io.floe.benchmarks.WordFileGenerator} writes
 * the W3 input, bit-identical to the Flink anchor's.
 */
package io.floe.benchmarks;
