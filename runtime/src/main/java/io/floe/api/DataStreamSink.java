package io.floe.api;

import io.floe.runtime.graph.ChainingStrategy;
import io.floe.runtime.graph.Transformation;
import java.util.Objects;

/** The end of a pipeline; lets the program name the sink and set its parallelism. */
public final class DataStreamSink<T> {
    private final Transformation transformation;

    DataStreamSink(Transformation transformation) {
        this.transformation = transformation;
    }

    public DataStreamSink<T> setParallelism(int parallelism) {
        transformation.setParallelism(parallelism);
        return this;
    }

    public DataStreamSink<T> name(String name) {
        transformation.setName(Objects.requireNonNull(name));
        return this;
    }

    public DataStreamSink<T> uid(String uid) {
        transformation.setUid(Objects.requireNonNull(uid));
        return this;
    }

    /** Runs the sink in a task of its own, not chained to its input. */
    public DataStreamSink<T> disableChaining() {
        transformation.setChainingStrategy(ChainingStrategy.NEVER);
        return this;
    }

    /** See {@link SingleOutputStreamOperator#slotSharingGroup(String)}. */
    public DataStreamSink<T> slotSharingGroup(String name) {
        transformation.setSlotSharingGroup(Objects.requireNonNull(name, "slot sharing group"));
        return this;
    }
}
