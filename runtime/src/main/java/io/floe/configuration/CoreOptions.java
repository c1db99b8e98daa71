package io.floe.configuration;

import io.floe.api.RuntimeExecutionMode;
import java.time.Duration;
import java.util.List;

/** Options that shape a job: parallelism, runtime mode, target, chaining, buffering, restarts. */
public final class CoreOptions {
    private CoreOptions() {}

    public static final ConfigOption<Integer> DEFAULT_PARALLELISM = ConfigOption.key("parallelism.default")
            .intType()
            .defaultValue(1)
            .withDescription("Parallelism of operators that set none.");

    public static final ConfigOption<Integer> MAX_PARALLELISM = ConfigOption.key("pipeline.max-parallelism")
            .intType()
            .defaultValue(-1)
            .withDescription("Number of key groups; -1 derives it from the parallelism as Flink does.");

    public static final ConfigOption<RuntimeExecutionMode> RUNTIME_MODE = ConfigOption.key("execution.runtime-mode")
            .enumType(RuntimeExecutionMode.class)
            .defaultValue(RuntimeExecutionMode.STREAMING);

    public static final ConfigOption<String> TARGET = ConfigOption.key("execution.target")
            .stringType()
            .defaultValue("local")
            .withDescription(
                    "Where execute() runs the job: local, remote, yarn-session, yarn-per-job, yarn-application.");

    public static final ConfigOption<Boolean> ATTACHED = ConfigOption.key("execution.attached")
            .booleanType()
            .defaultValue(true)
            .withDescription("Whether execute() waits for the job's result.");

    public static final ConfigOption<Duration> BUFFER_TIMEOUT = ConfigOption.key("execution.buffer-timeout.interval")
            .durationType()
            .defaultValue(Duration.ofMillis(100))
            .withDescription("How long a partly filled network buffer may wait before it is sent.");

    public static final ConfigOption<Duration> AUTO_WATERMARK_INTERVAL = ConfigOption.key(
                    "pipeline.auto-watermark-interval")
            .durationType()
            .defaultValue(Duration.ofMillis(200))
            .withDescription("How often periodic watermark generators emit (0: never, only at the end of input).");

    public static final ConfigOption<Boolean> OPERATOR_CHAINING =
            ConfigOption.key("pipeline.operator-chaining.enabled").booleanType().defaultValue(true);

    public static final ConfigOption<String> PIPELINE_NAME =
            ConfigOption.key("pipeline.name").stringType().noDefaultValue();

    public static final ConfigOption<List<String>> PIPELINE_JARS = ConfigOption.key("pipeline.jars")
            .listType()
            .defaultValue(List.of())
            .withDescription("Jars that hold the job's code; shipped with the job.");

    public static final ConfigOption<List<String>> PIPELINE_CLASSPATHS =
            ConfigOption.key("pipeline.classpaths").listType().defaultValue(List.of());
}
