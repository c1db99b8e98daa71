package io.floe.runtime.graph;

import java.util.List;

/** A virtual node merging several streams of the same type. */
public final class UnionTransformation extends Transformation {
    private final List<Transformation> inputs;

    public UnionTransformation(int id, List<Transformation> inputs) {
        super(id, "Union", -1);
        this.inputs = List.copyOf(inputs);
    }

    @Override
    public List<Transformation> getInputs() {
        return inputs;
    }
}
