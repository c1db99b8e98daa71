package io.floe.api.functions.co;

import io.floe.api.functions.AbstractRichFunction;

/** A {@link CoMapFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichCoMapFunction<IN1, IN2, OUT> extends AbstractRichFunction
        implements CoMapFunction<IN1, IN2, OUT> {
    private static final long serialVersionUID = 1L;
}
