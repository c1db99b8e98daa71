package io.floe.runtime.graph;

import io.floe.api.OutputTag;
import java.util.List;

/** A virtual node: the records its input emitted to the side output {@code tag} ({@code getSideOutput}). */
public final class SideOutputTransformation extends Transformation {
    private final Transformation input;
    private final OutputTag<?> tag;

    public SideOutputTransformation(int id, Transformation input, OutputTag<?> tag) {
        super(id, "SideOutput(" + tag.getId() + ")", input.getParallelism());
        this.input = input;
        this.tag = tag;
    }

    public Transformation getInput() {
        return input;
    }

    public OutputTag<?> getTag() {
        return tag;
    }

    @Override
    public List<Transformation> getInputs() {
        return List.of(input);
    }
}
