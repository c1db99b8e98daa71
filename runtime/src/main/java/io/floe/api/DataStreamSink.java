package io.floe.api;

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
}
