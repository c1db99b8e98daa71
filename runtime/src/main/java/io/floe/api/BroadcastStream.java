package io.floe.api;

import io.floe.api.state.MapStateDescriptor;
import java.util.List;

/**
 * A stream every record of which goes to every subtask of the operator it is connected to, with
 * the broadcast states that operator keeps ({@code stream.broadcast(descriptors...)}): connect it
 * to another stream ({@link DataStream#connect(BroadcastStream)}) for rules, configuration or
 * patterns that every subtask applies.
 */
public class BroadcastStream<T> {
    private final DataStream<T> broadcast;
    private final List<MapStateDescriptor<?, ?>> descriptors;

    BroadcastStream(DataStream<T> broadcast, List<MapStateDescriptor<?, ?>> descriptors) {
        this.broadcast = broadcast;
        this.descriptors = List.copyOf(descriptors);
    }

    DataStream<T> stream() {
        return broadcast;
    }

    List<MapStateDescriptor<?, ?>> descriptors() {
        return descriptors;
    }
}
