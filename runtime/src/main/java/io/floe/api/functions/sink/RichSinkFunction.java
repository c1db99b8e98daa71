package io.floe.api.functions.sink;

import io.floe.api.functions.AbstractRichFunction;

/** A {@link SinkFunction} with {@code open(OpenContext)}/{@code close} and a runtime context. */
public abstract class RichSinkFunction<T> extends AbstractRichFunction implements SinkFunction<T> {
    private static final long serialVersionUID = 1L;
}
