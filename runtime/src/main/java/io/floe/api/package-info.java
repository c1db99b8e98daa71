/**
 * Floe's public DataStream API, shaped after Flink's so that a Flink program ports by changing its
 * imports: {@link io.floe.api.StreamExecutionEnvironment}, {@link io.floe.api.DataStream},
 * {@link io.floe.api.KeyedStream}, the functions in {@code io.floe.api.functions} and
 * {@code io.floe.api.tuple.Tuple2}. Programs build the pipeline on their own thread; nothing runs
 * until {@code execute}.
 */
package io.floe.api;
