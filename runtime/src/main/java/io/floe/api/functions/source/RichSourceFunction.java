package io.floe.api.functions.source;

import io.floe.api.functions.AbstractRichFunction;

/** A non-parallel {@link SourceFunction} with {@code open}/{@code close} and a runtime context. */
public abstract class RichSourceFunction<T> extends AbstractRichFunction implements SourceFunction<T> {
    private static final long serialVersionUID = 1L;
}
