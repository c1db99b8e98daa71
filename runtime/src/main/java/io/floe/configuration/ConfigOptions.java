package io.floe.configuration;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every option Floe knows, by key: the runtime's, and those of each module on the classpath
 * that has a {@link ConfigOptionsProvider}. A key that is not here is a user's typo (or a feature Floe
 * does not have), and {@link Configuration#validate()} says so, naming the closest known key.
 */
public final class ConfigOptions {
    private static final List<Class<?>> OPTION_CLASSES = List.of(
            CoreOptions.class,
            RestartStrategyOptions.class,
            StateBackendOptions.class,
            CheckpointingOptions.class,
            ClusterOptions.class,
            NetworkOptions.class,
            SecurityOptions.class);

    private static final Map<String, ConfigOption<?>> BY_KEY = collect();

    private ConfigOptions() {}

    public static ConfigOption<?> find(String key) {
        return BY_KEY.get(key);
    }

    public static Collection<ConfigOption<?>> all() {
        return Collections.unmodifiableCollection(BY_KEY.values());
    }

    /** The known key closest to a misspelt one, or null when none is close. */
    public static String closestKey(String key) {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String known : BY_KEY.keySet()) {
            int d = editDistance(key, known);
            if (d < bestDistance) {
                bestDistance = d;
                best = known;
            }
        }
        return bestDistance <= Math.max(2, key.length() / 4) ? best : null;
    }

    private static Map<String, ConfigOption<?>> collect() {
        Map<String, ConfigOption<?>> options = new TreeMap<>();
        for (Class<?> holder : OPTION_CLASSES) {
            addOptionsOf(holder, options);
        }
        for (ConfigOptionsProvider provider :
                ServiceLoader.load(ConfigOptionsProvider.class, ConfigOptions.class.getClassLoader())) {
            provider.optionClasses().forEach(holder -> addOptionsOf(holder, options));
        }
        return options;
    }

    private static void addOptionsOf(Class<?> holder, Map<String, ConfigOption<?>> options) {
        for (Field field : holder.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
                try {
                    ConfigOption<?> option = (ConfigOption<?>) field.get(null);
                    options.put(option.key(), option);
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read option " + field, e);
                }
            }
        }
    }

    private static int editDistance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) previous[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
