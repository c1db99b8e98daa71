package io.floe.api.functions.co;

import io.floe.api.functions.AbstractRichFunction;

/** A {@link CoFlatMapFunction} with {@code open}/{@code close} and a runtime context (keyed state when keyed). */
public abstract class RichCoFlatMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoFlatMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
