package io.floe.api.connector.file.sink;

import io.floe.api.connector.sink2.Sink;
import io.floe.api.fs.Path;
import io.floe.api.functions.sink.filesystem.BucketAssigner;
import io.floe.api.functions.sink.filesystem.OutputFileConfig;
import io.floe.api.functions.sink.filesystem.RollingPolicy;
import io.floe.api.functions.sink.filesystem.bucketassigners.DateTimeBucketAssigner;
import io.floe.api.functions.sink.filesystem.rollingpolicies.DefaultRollingPolicy;
import io.floe.api.serialization.Encoder;
import java.util.Objects;

/**
 * Writes a stream into files under a base path, in buckets (subdirectories) and part files, on any
 * Hadoop file system. Attach it with {@code stream.sinkTo(sink)}.
 *
 * <p>A part file is written as a hidden in-progress file ({@code .part-<uid>-<subtask>-<n>.inprogress})
 * and becomes visible under its final name ({@code part-<uid>-<subtask>-<n>}) when it is
 * committed: when the input ends, and when it rolls ({@link RollingPolicy}). With checkpoints
 * (when Floe has them running), files are committed only when the checkpoint that covers them
 * completes, so the output holds every record exactly once after a failure.
 *
 * <pre>{@code
 * FileSink<String> sink = FileSink.forRowFormat(new Path("hdfs:///out"), new SimpleStringEncoder<String>("UTF-8"))
 *         .withRollingPolicy(DefaultRollingPolicy.builder().withRolloverInterval(Duration.ofMinutes(15)).build())
 *         .build();
 * }</pre>
 */
public final class FileSink<IN> implements Sink<IN> {
    private static final long serialVersionUID = 1L;

    private final Path basePath;
    private final Encoder<IN> encoder;
    private final BucketAssigner<IN, ?> bucketAssigner;
    private final RollingPolicy<IN, ?> rollingPolicy;
    private final OutputFileConfig outputFileConfig;

    private FileSink(RowFormatBuilder<IN> builder) {
        this.basePath = builder.basePath;
        this.encoder = builder.encoder;
        this.bucketAssigner = builder.bucketAssigner;
        this.rollingPolicy = builder.rollingPolicy;
        this.outputFileConfig = builder.outputFileConfig;
    }

    public static <IN> RowFormatBuilder<IN> forRowFormat(Path basePath, Encoder<IN> encoder) {
        return new RowFormatBuilder<>(basePath, encoder);
    }

    public Path getBasePath() {
        return basePath;
    }

    public Encoder<IN> getEncoder() {
        return encoder;
    }

    public BucketAssigner<IN, ?> getBucketAssigner() {
        return bucketAssigner;
    }

    public RollingPolicy<IN, ?> getRollingPolicy() {
        return rollingPolicy;
    }

    public OutputFileConfig getOutputFileConfig() {
        return outputFileConfig;
    }

    /** Configures a row-format {@link FileSink}: one encoded element after another. */
    public static final class RowFormatBuilder<IN> {
        private final Path basePath;
        private final Encoder<IN> encoder;
        private BucketAssigner<IN, ?> bucketAssigner = new DateTimeBucketAssigner<>();
        private RollingPolicy<IN, ?> rollingPolicy =
                DefaultRollingPolicy.builder().build();
        private OutputFileConfig outputFileConfig = OutputFileConfig.builder().build();

        private RowFormatBuilder(Path basePath, Encoder<IN> encoder) {
            this.basePath = Objects.requireNonNull(basePath, "FileSink: base path");
            this.encoder = Objects.requireNonNull(encoder, "FileSink: encoder");
        }

        public RowFormatBuilder<IN> withBucketAssigner(BucketAssigner<IN, ?> assigner) {
            this.bucketAssigner = Objects.requireNonNull(assigner, "bucket assigner");
            return this;
        }

        public RowFormatBuilder<IN> withRollingPolicy(RollingPolicy<IN, ?> policy) {
            this.rollingPolicy = Objects.requireNonNull(policy, "rolling policy");
            return this;
        }

        public RowFormatBuilder<IN> withOutputFileConfig(OutputFileConfig config) {
            this.outputFileConfig = Objects.requireNonNull(config, "output file config");
            return this;
        }

        /** Accepted for ports; Floe checks the rolling policy's time conditions as elements arrive. */
        public RowFormatBuilder<IN> withBucketCheckInterval(long intervalMillis) {
            return this;
        }

        public FileSink<IN> build() {
            return new FileSink<>(this);
        }
    }
}
