package io.floe.runtime.graph;

import io.floe.runtime.operators.StreamOperator;
import java.util.List;

/** An operator with one input (map, flatMap, filter, reduce, sink). */
public final class OneInputTransformation extends Transformation {
    private final Transformation input;
    private final StreamOperator<?, ?> operator;
    private final boolean sink;

    public OneInputTransformation(
            int id, String name, Transformation input, StreamOperator<?, ?> operator, int parallelism, boolean sink) {
        super(id, name, parallelism);
        this.input = input;
        this.operator = operator;
        this.sink = sink;
    }

    public Transformation getInput() {
        return input;
    }

    public StreamOperator<?, ?> getOperator() {
        return operator;
    }

    public boolean isSink() {
        return sink;
    }

    @Override
    public List<Transformation> getInputs() {
        return List.of(input);
    }
}
