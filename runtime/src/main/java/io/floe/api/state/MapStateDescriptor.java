package io.floe.api.state;

import java.util.Map;
import java.util.Objects;

/** Describes a {@link MapState}: {@code new MapStateDescriptor<>("counts", String.class, Long.class)}. */
public class MapStateDescriptor<UK, UV> extends StateDescriptor<MapState<UK, UV>, Map<UK, UV>> {
    private static final long serialVersionUID = 1L;

    private final Class<UK> keyClass;

    public MapStateDescriptor(String name, Class<UK> keyClass, Class<UV> valueClass) {
        super(name, valueClass, null);
        this.keyClass = Objects.requireNonNull(keyClass, "the key class of state '" + name + "'");
    }

    public Class<UK> getKeyClass() {
        return keyClass;
    }

    @Override
    public Type getType() {
        return Type.MAP;
    }

    @Override
    public String describe() {
        return "MapState<" + keyClass.getName() + ", " + getTypeClass().getName() + "> '" + getName() + "'";
    }
}
