package io.floe.configuration;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Key/value settings with typed access through {@link ConfigOption}s. Values are kept as the
 * strings the user wrote, so a configuration can be shipped to another process and printed
 * as-is; they are parsed (and checked) on read and by {@link #validate()}.
 *
 * <p>Not thread-safe; hand a copy to another thread.
 */
public final class Configuration {
    private final Map<String, String> values = new LinkedHashMap<>();

    public Configuration() {}

    public Configuration(Configuration other) {
        values.putAll(other.values);
    }

    public static Configuration fromMap(Map<String, String> map) {
        Configuration configuration = new Configuration();
        configuration.values.putAll(map);
        return configuration;
    }

    public <T> T get(ConfigOption<T> option) {
        String raw = values.get(option.key());
        return raw == null ? option.defaultValue() : option.parse(raw);
    }

    public <T> T get(ConfigOption<T> option, T fallback) {
        String raw = values.get(option.key());
        return raw == null ? fallback : option.parse(raw);
    }

    public boolean contains(ConfigOption<?> option) {
        return values.containsKey(option.key());
    }

    public <T> Configuration set(ConfigOption<T> option, T value) {
        values.put(option.key(), option.format(value));
        return this;
    }

    /** Sets a raw value; checked by {@link #validate()} or when read. */
    public Configuration setString(String key, String value) {
        values.put(key, value);
        return this;
    }

    public String getString(String key) {
        return values.get(key);
    }

    public Configuration remove(ConfigOption<?> option) {
        values.remove(option.key());
        return this;
    }

    public void addAll(Configuration other) {
        values.putAll(other.values);
    }

    public Map<String, String> toMap() {
        return Collections.unmodifiableMap(values);
    }

    /**
     * Checks that every key is known and every value parses. A key Flink defines but Floe does not
     * implement is ignored with a WARN, so a Flink user's configuration loads.
     *
     * @throws IllegalConfigurationException naming the first bad key (and a close known key, if any)
     */
    public Configuration validate() {
        for (Map.Entry<String, String> entry : values.entrySet()) {
            ConfigOption<?> option = ConfigOptions.find(entry.getKey());
            if (option == null && FlinkKeys.isFlinkKey(entry.getKey())) {
                FlinkKeys.warnIgnored(entry.getKey());
                continue;
            }
            if (option == null) {
                String closest = ConfigOptions.closestKey(entry.getKey());
                throw new IllegalConfigurationException("Unknown configuration key '" + entry.getKey() + "'"
                        + (closest != null
                                ? "; did you mean '" + closest + "'?"
                                : "; see conf/config.yaml for the known keys."));
            }
            option.parse(entry.getValue());
        }
        return this;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
