package io.floe.examples;

import java.util.HashMap;
import java.util.Map;

/**
 * The {@code --name value} arguments of the example programs. A name given without a value (or
 * followed by another {@code --name}) is an error, as is a stray word, so a typo does not
 * silently fall back to a default.
 */
final class ExampleArguments {
    private final Map<String, String> values;

    private ExampleArguments(Map<String, String> values) {
        this.values = values;
    }

    static ExampleArguments parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i += 2) {
            if (!args[i].startsWith("--") || args[i].length() == 2) {
                throw new IllegalArgumentException("Expected --name value, got '" + args[i] + "'");
            }
            if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                throw new IllegalArgumentException("Argument " + args[i] + " needs a value");
            }
            values.put(args[i].substring(2), args[i + 1]);
        }
        return new ExampleArguments(values);
    }

    boolean has(String name) {
        return values.containsKey(name);
    }

    String get(String name, String fallback) {
        return values.getOrDefault(name, fallback);
    }

    long getLong(String name, long fallback) {
        String value = values.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a number, not '" + value + "'");
        }
    }
}
