package io.floe.benchmarks;

import java.util.HashMap;
import java.util.Map;

/** The {@code --name value} arguments of a benchmark job; every job argument is required. */
final class JobArguments {
    private final Map<String, String> values = new HashMap<>();

    JobArguments(String[] args) {
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || i + 1 >= args.length) {
                throw new IllegalArgumentException("Expected --name value pairs, got '" + args[i] + "'");
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
    }

    String get(String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("Missing argument --" + name);
        }
        return value;
    }

    long getLong(String name) {
        return Long.parseLong(get(name));
    }

    int getInt(String name) {
        return Integer.parseInt(get(name));
    }
}
