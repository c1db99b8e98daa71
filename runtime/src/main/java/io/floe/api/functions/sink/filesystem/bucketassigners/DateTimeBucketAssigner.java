package io.floe.api.functions.sink.filesystem.bucketassigners;

import io.floe.api.functions.sink.filesystem.BucketAssigner;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * Buckets by the processing time an element is written, formatted with a pattern (default
 * {@code yyyy-MM-dd--HH}, one directory per hour) in a time zone (default the system's): Flink's
 * default bucket assigner.
 */
public class DateTimeBucketAssigner<IN> implements BucketAssigner<IN, String> {
    private static final long serialVersionUID = 1L;
    private static final String DEFAULT_FORMAT = "yyyy-MM-dd--HH";

    private final String formatString;
    private final ZoneId zoneId;
    private transient DateTimeFormatter formatter;

    public DateTimeBucketAssigner() {
        this(DEFAULT_FORMAT);
    }

    public DateTimeBucketAssigner(String formatString) {
        this(formatString, ZoneId.systemDefault());
    }

    public DateTimeBucketAssigner(ZoneId zoneId) {
        this(DEFAULT_FORMAT, zoneId);
    }

    public DateTimeBucketAssigner(String formatString, ZoneId zoneId) {
        this.formatString = formatString;
        this.zoneId = zoneId;
        DateTimeFormatter.ofPattern(formatString); // fails now on a bad pattern
    }

    @Override
    public String getBucketId(IN element, Context context) {
        if (formatter == null) {
            formatter = DateTimeFormatter.ofPattern(formatString).withZone(zoneId);
        }
        return formatter.format(Instant.ofEpochMilli(context.currentProcessingTime()));
    }

    @Override
    public String toString() {
        return "DateTimeBucketAssigner{formatString='" + formatString + "', zoneId=" + zoneId + "}";
    }
}
