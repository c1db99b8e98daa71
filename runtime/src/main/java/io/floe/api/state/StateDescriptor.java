package io.floe.api.state;

import java.io.Serializable;
import java.util.Objects;

/**
 * Names a piece of state and the type of its values; a function passes it to the runtime context
 * to get the state. The name is the state's identity within its operator: it is how a checkpoint
 * or savepoint finds it again, so keep it stable.
 */
public abstract class StateDescriptor<S extends State, T> implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The kinds of state, as in Flink. */
    public enum Type {
        VALUE,
        LIST,
        REDUCING,
        AGGREGATING,
        MAP
    }

    private final String name;
    private final Class<?> typeClass;
    private final transient T defaultValue;
    private StateTtlConfig ttlConfig = StateTtlConfig.DISABLED;

    protected StateDescriptor(String name, Class<?> typeClass, T defaultValue) {
        this.name = Objects.requireNonNull(name, "state name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A state needs a non-empty name.");
        }
        this.typeClass = Objects.requireNonNull(typeClass, "the type class of state '" + name + "'");
        this.defaultValue = defaultValue;
    }

    public String getName() {
        return name;
    }

    /** The class of the values (for a map the class of its values, for aggregating state the accumulator's). */
    public Class<?> getTypeClass() {
        return typeClass;
    }

    /** @deprecated as in Flink: check for null instead. */
    @Deprecated
    public T getDefaultValue() {
        return defaultValue;
    }

    public abstract Type getType();

    /** Lets values expire after the configured time; see {@link StateTtlConfig}. */
    public void enableTimeToLive(StateTtlConfig config) {
        this.ttlConfig = Objects.requireNonNull(config, "ttl config");
    }

    public StateTtlConfig getTtlConfig() {
        return ttlConfig;
    }

    /** A description for messages, such as {@code ValueState<java.lang.Long> 'count'}. */
    public String describe() {
        return getClass().getSimpleName().replace("Descriptor", "") + "<" + typeClass.getName() + "> '" + name + "'";
    }

    @Override
    public String toString() {
        return describe();
    }
}
