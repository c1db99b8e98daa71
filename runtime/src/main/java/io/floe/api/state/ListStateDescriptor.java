package io.floe.api.state;

import java.util.List;

/** Describes a {@link ListState}: {@code new ListStateDescriptor<>("seen", String.class)}. */
public class ListStateDescriptor<T> extends StateDescriptor<ListState<T>, List<T>> {
    private static final long serialVersionUID = 1L;

    public ListStateDescriptor(String name, Class<T> elementClass) {
        super(name, elementClass, null);
    }

    @Override
    public Type getType() {
        return Type.LIST;
    }
}
