package io.floe.configuration;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;

/**
 * A typed configuration key with its default. Options are declared as constants in the
 * {@code *Options} classes and registered in {@link ConfigOptions}, which is how an unknown key is
 * told apart from a known one.
 *
 * @param <T> the value type
 */
public final class ConfigOption<T> {
    private final String key;
    private final String typeDescription;
    private final Function<String, T> parser;
    private final Function<T, String> formatter;
    private final T defaultValue;
    private final String description;

    private ConfigOption(
            String key,
            String typeDescription,
            Function<String, T> parser,
            Function<T, String> formatter,
            T defaultValue,
            String description) {
        this.key = Objects.requireNonNull(key);
        this.typeDescription = typeDescription;
        this.parser = parser;
        this.formatter = formatter;
        this.defaultValue = defaultValue;
        this.description = description;
    }

    public String key() {
        return key;
    }

    public T defaultValue() {
        return defaultValue;
    }

    public boolean hasDefaultValue() {
        return defaultValue != null;
    }

    public String description() {
        return description;
    }

    public String typeDescription() {
        return typeDescription;
    }

    /** Parses a raw value; the exception names this option's key and the expected type. */
    public T parse(String raw) {
        try {
            return parser.apply(raw.trim());
        } catch (RuntimeException e) {
            throw new IllegalConfigurationException(
                    "Invalid value '" + raw + "' for '" + key + "': expected " + typeDescription + ".", e);
        }
    }

    public String format(T value) {
        return formatter.apply(value);
    }

    public ConfigOption<T> withDescription(String text) {
        return new ConfigOption<>(key, typeDescription, parser, formatter, defaultValue, text);
    }

    @Override
    public String toString() {
        return key;
    }

    /** Starts declaring an option: {@code ConfigOption.key("a.b").intType().defaultValue(1)}. */
    public static Builder key(String key) {
        return new Builder(key);
    }

    /** Chooses the type of an option under construction. */
    public static final class Builder {
        private final String key;

        private Builder(String key) {
            this.key = key;
        }

        public Typed<Integer> intType() {
            return new Typed<>(key, "an integer", Integer::parseInt, String::valueOf);
        }

        public Typed<Long> longType() {
            return new Typed<>(key, "a long integer", Long::parseLong, String::valueOf);
        }

        public Typed<Double> doubleType() {
            return new Typed<>(key, "a number", Double::parseDouble, String::valueOf);
        }

        public Typed<Boolean> booleanType() {
            return new Typed<>(key, "true or false", ConfigOption::parseBoolean, String::valueOf);
        }

        public Typed<String> stringType() {
            return new Typed<>(key, "a string", s -> s, s -> s);
        }

        public Typed<Duration> durationType() {
            return new Typed<>(
                    key,
                    "a duration such as '10 s', '500 ms' or '1 min'",
                    DurationParser::parse,
                    DurationParser::format);
        }

        public Typed<MemorySize> memoryType() {
            return new Typed<>(key, "a memory size such as '1024m' or '1g'", MemorySize::parse, MemorySize::toString);
        }

        public Typed<List<String>> listType() {
            return new Typed<>(
                    key, "a list separated by ';' or ','", ConfigOption::parseList, l -> String.join(";", l));
        }

        public <E extends Enum<E>> Typed<E> enumType(Class<E> type) {
            StringBuilder names = new StringBuilder();
            for (E constant : type.getEnumConstants()) {
                names.append(names.length() == 0 ? "" : ", ").append(constant.name());
            }
            return new Typed<>(
                    key,
                    "one of " + names,
                    s -> Enum.valueOf(type, s.toUpperCase(Locale.ROOT).replace('-', '_')),
                    e -> e.name());
        }
    }

    /** An option whose type is chosen; its default finishes the declaration. */
    public static final class Typed<T> {
        private final String key;
        private final String typeDescription;
        private final Function<String, T> parser;
        private final Function<T, String> formatter;

        private Typed(String key, String typeDescription, Function<String, T> parser, Function<T, String> formatter) {
            this.key = key;
            this.typeDescription = typeDescription;
            this.parser = parser;
            this.formatter = formatter;
        }

        public ConfigOption<T> defaultValue(T value) {
            return new ConfigOption<>(key, typeDescription, parser, formatter, value, "");
        }

        public ConfigOption<T> noDefaultValue() {
            return defaultValue(null);
        }
    }

    private static Boolean parseBoolean(String s) {
        if (s.equalsIgnoreCase("true")) return true;
        if (s.equalsIgnoreCase("false")) return false;
        throw new IllegalArgumentException(s);
    }

    private static List<String> parseList(String s) {
        String trimmed = s.trim();
        if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
            trimmed = trimmed.substring(1, trimmed.length() - 1);
        }
        if (trimmed.isEmpty()) return List.of();
        String separator = trimmed.contains(";") ? ";" : ",";
        return Arrays.stream(trimmed.split(separator))
                .map(String::trim)
                .filter(x -> !x.isEmpty())
                .toList();
    }
}
