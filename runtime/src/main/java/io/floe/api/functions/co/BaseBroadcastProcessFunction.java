package io.floe.api.functions.co;

import io.floe.api.OutputTag;
import io.floe.api.functions.AbstractRichFunction;
import io.floe.api.state.BroadcastState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.ReadOnlyBroadcastState;

/** What the two broadcast process functions share: their contexts. */
public abstract class BaseBroadcastProcessFunction extends AbstractRichFunction {
    private static final long serialVersionUID = 1L;

    /** What either side's element sees besides itself. */
    public abstract class BaseContext {
        /** The element's event timestamp, or null. */
        public abstract Long timestamp();

        public abstract <X> void output(OutputTag<X> outputTag, X value);

        public abstract long currentProcessingTime();

        public abstract long currentWatermark();
    }

    /** The broadcast side's context: it may write the broadcast state. */
    public abstract class Context extends BaseContext {
        /** One of the states declared in {@code broadcast(descriptors...)}. */
        public abstract <K, V> BroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }

    /** The other side's context: it may only read the broadcast state. */
    public abstract class ReadOnlyContext extends BaseContext {
        /** One of the states declared in {@code broadcast(descriptors...)}. */
        public abstract <K, V> ReadOnlyBroadcastState<K, V> getBroadcastState(MapStateDescriptor<K, V> stateDescriptor);
    }
}
