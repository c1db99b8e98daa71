package io.floe.runtime.graph;

import io.floe.runtime.operators.SourceOperator;
import java.util.List;

/** A source; {@code parallel} is false for sources that run as one subtask only. */
public final class SourceTransformation extends Transformation {
    private final SourceOperator<?> operator;
    private final boolean parallel;

    public SourceTransformation(int id, String name, SourceOperator<?> operator, boolean parallel) {
        super(id, name, parallel ? -1 : 1);
        this.operator = operator;
        this.parallel = parallel;
    }

    public SourceOperator<?> getOperator() {
        return operator;
    }

    public boolean isParallel() {
        return parallel;
    }

    public boolean isBounded() {
        return operator.isBounded();
    }

    @Override
    public void setParallelism(int parallelism) {
        if (!parallel && parallelism != 1) {
            throw new IllegalArgumentException("The source '" + getName()
                    + "' is not parallel; its parallelism must be 1, not " + parallelism + ".");
        }
        super.setParallelism(parallelism);
    }

    @Override
    public List<Transformation> getInputs() {
        return List.of();
    }
}
