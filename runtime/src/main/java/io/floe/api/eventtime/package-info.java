/**
 * Event time (Flink's {@code org.apache.flink.api.common.eventtime}): {@link
 * io.floe.api.eventtime.WatermarkStrategy}, timestamp assigners and watermark generators.
 */
package io.floe.api.eventtime;
