package io.floe.benchmarks;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What one measured run reports, as one line on stdout:
 * {@code RESULT <label> records=<n> seconds=<s> records_per_s=<r> [key=value]...}. The Flink
 * anchor prints the same shape, so the suite reads both.
 */
record ResultLine(String label, long records, double seconds, Map<String, String> extra) {
    static final String PREFIX = "RESULT ";

    static ResultLine of(String label, long records, long netRuntimeMillis, Map<String, String> extra) {
        return new ResultLine(label, records, netRuntimeMillis / 1000.0, extra);
    }

    double recordsPerSecond() {
        return seconds > 0 ? records / seconds : Double.NaN;
    }

    /** This line with {@code fields} added after its own (replacing any of the same name). */
    ResultLine withExtra(Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(extra);
        all.putAll(fields);
        return new ResultLine(label, records, seconds, all);
    }

    /** A whole number the run reported under {@code key}, if any. */
    Optional<Long> longField(String key) {
        try {
            return Optional.ofNullable(extra.get(key)).map(Long::valueOf);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** False when the run reported {@code correct=false}. */
    boolean correct() {
        return !"false".equals(extra.get("correct"));
    }

    String format() {
        StringBuilder line = new StringBuilder(PREFIX)
                .append(label)
                .append(" records=")
                .append(records)
                .append(" seconds=")
                .append(String.format(Locale.ROOT, "%.3f", seconds))
                .append(" records_per_s=")
                .append(Math.round(recordsPerSecond()));
        extra.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    /** The first RESULT line in a process's output, if any. */
    static Optional<ResultLine> find(String output) {
        return output.lines().filter(l -> l.startsWith(PREFIX)).findFirst().map(ResultLine::parse);
    }

    static ResultLine parse(String line) {
        String[] fields = line.substring(PREFIX.length()).trim().split("\\s+");
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 1; i < fields.length; i++) {
            int equals = fields[i].indexOf('=');
            if (equals > 0) {
                values.put(fields[i].substring(0, equals), fields[i].substring(equals + 1));
            }
        }
        String records = values.remove("records");
        String seconds = values.remove("seconds");
        values.remove("records_per_s");
        if (records == null || seconds == null) {
            throw new IllegalArgumentException("Not a result line (records= and seconds= needed): " + line);
        }
        return new ResultLine(fields[0], Long.parseLong(records), Double.parseDouble(seconds), values);
    }
}
