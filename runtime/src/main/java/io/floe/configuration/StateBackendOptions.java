package io.floe.configuration;

import java.util.Locale;

/** Where keyed state lives: Flink's {@code state.backend.type}. */
public final class StateBackendOptions {
    private StateBackendOptions() {}

    public static final String HASHMAP = "hashmap";

    public static final ConfigOption<String> STATE_BACKEND_TYPE = ConfigOption.key("state.backend.type")
            .stringType()
            .defaultValue(HASHMAP)
            .withDescription("The keyed state backend; Floe has 'hashmap' (objects on the TaskManager's heap).");

    /**
     * Checks that the configured backend is one Floe has.
     *
     * @throws IllegalConfigurationException naming the key and what to do otherwise
     */
    public static void checkSupported(Configuration configuration) {
        String type = configuration.get(STATE_BACKEND_TYPE).trim().toLowerCase(Locale.ROOT);
        if (!type.equals(HASHMAP)) {
            throw new IllegalConfigurationException("state.backend.type: '" + configuration.get(STATE_BACKEND_TYPE)
                    + "' is not available in Floe; it has the heap backend 'hashmap' (set that, or remove the key).");
        }
    }
}
