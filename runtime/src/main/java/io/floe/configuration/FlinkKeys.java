package io.floe.configuration;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The keys Apache Flink 1.20 defines, so that a Flink user's {@code config.yaml} loads in Floe: a
 * Flink key Floe does not implement is ignored with one WARN per process naming it, where a key
 * neither knows is a typo and an error. The list ({@code flink-1.20-keys.txt}) holds key names
 * only; keys Flink builds under a prefix ({@code metrics.reporter.<name>.*}, file-system plugins,
 * {@code flink.hadoop.*}) are matched by that prefix. Thread-safe.
 */
final class FlinkKeys {
    private static final Logger LOG = LoggerFactory.getLogger(FlinkKeys.class);
    private static final String LIST = "flink-1.20-keys.txt";
    private static final List<String> PREFIXES = List.of(
            "metrics.reporter.",
            "traces.reporter.",
            "events.reporter.",
            "external-resource.",
            "flink.hadoop.",
            "flink.yarn.",
            "containerized.master.env.",
            "containerized.taskmanager.env.",
            "s3.",
            "fs.s3a.",
            "gs.",
            "fs.azure.",
            "fs.oss.");
    private static final Set<String> KEYS = load();
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private FlinkKeys() {}

    static boolean isFlinkKey(String key) {
        return KEYS.contains(key) || PREFIXES.stream().anyMatch(key::startsWith);
    }

    /** Logs, once per key and process, that Floe ignores this Flink key. */
    static void warnIgnored(String key) {
        if (WARNED.add(key)) {
            LOG.warn("Ignoring configuration key '{}': Flink defines it, Floe does not implement it", key);
        }
    }

    private static Set<String> load() {
        try (InputStream in = FlinkKeys.class.getResourceAsStream(LIST)) {
            if (in == null) {
                throw new IllegalStateException("Floe's list of Flink's configuration keys (" + LIST + ") is missing");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
