package io.floe.api;

import io.floe.runtime.graph.Transformation;

/** The stream a source produces ({@code fromElements}, {@code fromSequence}, {@code addSource}, ...). */
public class DataStreamSource<T> extends SingleOutputStreamOperator<T> {

    DataStreamSource(StreamExecutionEnvironment environment, Transformation transformation) {
        super(environment, transformation);
    }
}
