package io.floe.runtime.graph;

import io.floe.runtime.operators.TwoInputStreamOperator;
import java.util.List;

/** An operator with two inputs of their own types (connect, interval join): input 1 and input 2. */
public final class TwoInputTransformation extends Transformation {
    private final Transformation input1;
    private final Transformation input2;
    private final TwoInputStreamOperator<?, ?, ?, ?> operator;

    public TwoInputTransformation(
            int id,
            String name,
            Transformation input1,
            Transformation input2,
            TwoInputStreamOperator<?, ?, ?, ?> operator,
            int parallelism) {
        super(id, name, parallelism);
        this.input1 = input1;
        this.input2 = input2;
        this.operator = operator;
    }

    public Transformation getInput1() {
        return input1;
    }

    public Transformation getInput2() {
        return input2;
    }

    public TwoInputStreamOperator<?, ?, ?, ?> getOperator() {
        return operator;
    }

    @Override
    public List<Transformation> getInputs() {
        return List.of(input1, input2);
    }
}
