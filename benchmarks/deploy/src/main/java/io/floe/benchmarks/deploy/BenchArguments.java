package io.floe.benchmarks.deploy;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The bench's flags, {@code --key=value} as the Flink anchor's harness takes them; an unknown flag
 * is refused with the list of known ones. Sizes and topology default to the anchor's.
 */
final class BenchArguments {
    private static final Map<String, String> DEFAULTS = new LinkedHashMap<>();

    static {
        DEFAULTS.put("scenarios", "D1,D2,D3,D4");
        DEFAULTS.put("round", "1");
        DEFAULTS.put("base", "/tmp/floe-deploy-bench");
        DEFAULTS.put("tinyjob", "");
        DEFAULTS.put("framework-classpath", "");
        DEFAULTS.put("nms", "2");
        DEFAULTS.put("nm-mb", "4096");
        DEFAULTS.put("min-alloc-mb", "256");
        DEFAULTS.put("jm", "768m");
        DEFAULTS.put("tm", "1024m");
        DEFAULTS.put("poll-ms", "50");
        DEFAULTS.put("keep-container-dirs", "false");
        DEFAULTS.put("timeline", "true");
        DEFAULTS.put("floe-conf", "");
        // as the anchor gives Flink: Hadoop from the cluster's yarn.application.classpath ('ship': Floe ships it)
        DEFAULTS.put("hadoop-classpath", "cluster");
    }

    private final Map<String, String> values = new LinkedHashMap<>(DEFAULTS);

    BenchArguments(String[] args) {
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException(
                        "Unexpected argument '" + arg + "'; flags are --key=value, one of " + DEFAULTS.keySet());
            }
            int equals = arg.indexOf('=');
            String key = arg.substring(2, equals < 0 ? arg.length() : equals);
            if (!DEFAULTS.containsKey(key)) {
                throw new IllegalArgumentException("Unknown flag --" + key + "; known: " + DEFAULTS.keySet());
            }
            values.put(key, equals < 0 ? "true" : arg.substring(equals + 1));
        }
    }

    String get(String key) {
        return values.get(key);
    }

    int getInt(String key) {
        try {
            return Integer.parseInt(values.get(key));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + key + " must be a whole number, not '" + values.get(key) + "'");
        }
    }

    boolean getBoolean(String key) {
        return Boolean.parseBoolean(values.get(key));
    }

    /** A file flag: required, and it must exist. */
    Path existingFile(String key, String whatToDo) {
        String value = values.get(key);
        if (value.isBlank() || !java.nio.file.Files.isRegularFile(Path.of(value))) {
            throw new IllegalArgumentException("--" + key + "=" + value + " is not a file; " + whatToDo);
        }
        return Path.of(value).toAbsolutePath();
    }

    boolean runs(String scenario) {
        return List.of(values.get("scenarios").split(",")).contains(scenario);
    }

    /** {@code --floe-conf=key:value,key:value}: extra Floe options for every deployment. */
    Map<String, String> floeConfiguration() {
        Map<String, String> extra = new LinkedHashMap<>();
        for (String pair : values.get("floe-conf").split(",")) {
            if (pair.isBlank()) {
                continue;
            }
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("--floe-conf takes key:value pairs, not '" + pair + "'");
            }
            extra.put(pair.substring(0, colon).trim(), pair.substring(colon + 1).trim());
        }
        return extra;
    }
}
