package io.floe.benchmarks.deploy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * One measured scenario as one line on stdout, the shape the Flink anchor prints:
 * {@code RESULT <scenario> seconds=<s> [key=value]...}. The driver appends {@code engine=},
 * {@code run=} and the round's CPU figures; {@link DeploymentTable} reads the lines of both engines.
 */
record ScenarioResult(String scenario, double seconds, Map<String, String> fields) {
    static final String PREFIX = "RESULT ";

    ScenarioResult {
        fields = new LinkedHashMap<>(fields);
    }

    String format() {
        StringBuilder line = new StringBuilder(PREFIX)
                .append(scenario)
                .append(" seconds=")
                .append(String.format(Locale.ROOT, "%.3f", seconds));
        fields.forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
        return line.toString();
    }

    String field(String key, String fallback) {
        return fields.getOrDefault(key, fallback);
    }

    static boolean isResultLine(String line) {
        return line.startsWith(PREFIX);
    }

    /** Parses a RESULT line; fields without {@code =} are ignored. */
    static ScenarioResult parse(String line) {
        if (!isResultLine(line)) {
            throw new IllegalArgumentException("Not a RESULT line: " + line);
        }
        String[] parts = line.substring(PREFIX.length()).trim().split("\\s+");
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < parts.length; i++) {
            int equals = parts[i].indexOf('=');
            if (equals > 0) {
                fields.put(parts[i].substring(0, equals), parts[i].substring(equals + 1));
            }
        }
        String seconds = fields.remove("seconds");
        if (seconds == null) {
            throw new IllegalArgumentException("A RESULT line without seconds=: " + line);
        }
        return new ScenarioResult(parts[0], Double.parseDouble(seconds), fields);
    }

    /** Seconds with millisecond precision, as every figure of the result lines is printed. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }
}
