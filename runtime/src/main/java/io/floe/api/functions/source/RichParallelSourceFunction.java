package io.floe.api.functions.source;

import io.floe.api.functions.AbstractRichFunction;

/** A {@link ParallelSourceFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichParallelSourceFunction<T> extends AbstractRichFunction implements ParallelSourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
