package io.floe.configuration;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations the way Flink writes them: "10 s", "500ms", "1 min", "2h"; a bare number is ms. */
final class DurationParser {
    private static final Pattern PATTERN = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    private DurationParser() {}

    static Duration parse(String text) {
        Matcher m = PATTERN.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException(text);
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "":
            case "ms":
            case "milli":
            case "millis":
            case "millisecond":
            case "milliseconds":
                return Duration.ofMillis(amount);
            case "s":
            case "sec":
            case "secs":
            case "second":
            case "seconds":
                return Duration.ofSeconds(amount);
            case "m":
            case "min":
            case "mins":
            case "minute":
            case "minutes":
                return Duration.ofMinutes(amount);
            case "h":
            case "hour":
            case "hours":
                return Duration.ofHours(amount);
            case "d":
            case "day":
            case "days":
                return Duration.ofDays(amount);
            case "us":
            case "micro":
            case "micros":
                return Duration.ofNanos(amount * 1000);
            case "ns":
            case "nano":
            case "nanos":
                return Duration.ofNanos(amount);
            default:
                throw new IllegalArgumentException(text);
        }
    }

    static String format(Duration d) {
        long ms = d.toMillis();
        if (ms % 1000 != 0) return ms + " ms";
        if (ms % 60_000 != 0) return (ms / 1000) + " s";
        return (ms / 60_000) + " min";
    }
}
