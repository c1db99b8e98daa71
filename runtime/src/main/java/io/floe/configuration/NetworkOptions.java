package io.floe.configuration;

import java.time.Duration;

/** The data plane between tasks: buffer size, credits, partition request retries. */
public final class NetworkOptions {
    private NetworkOptions() {}

    public static final ConfigOption<MemorySize> SEGMENT_SIZE =
            ConfigOption.key("taskmanager.memory.segment-size").memoryType().defaultValue(MemorySize.parse("32kb"));

    public static final ConfigOption<Integer> BUFFERS_PER_CHANNEL = ConfigOption.key(
                    "taskmanager.network.memory.buffers-per-channel")
            .intType()
            .defaultValue(2)
            .withDescription("Credits (buffers) each remote input channel grants its producer.");

    public static final ConfigOption<Integer> FLOATING_BUFFERS_PER_GATE = ConfigOption.key(
                    "taskmanager.network.memory.floating-buffers-per-gate")
            .intType()
            .defaultValue(8);

    public static final ConfigOption<Integer> MAX_BUFFERS_PER_SUBPARTITION = ConfigOption.key(
                    "taskmanager.network.memory.max-buffers-per-channel")
            .intType()
            .defaultValue(10)
            .withDescription("Finished buffers a producer may queue per consumer before it blocks.");

    public static final ConfigOption<Duration> REQUEST_BACKOFF_MAX = ConfigOption.key(
                    "taskmanager.network.request-backoff.max")
            .durationType()
            .defaultValue(Duration.ofSeconds(10));
}
