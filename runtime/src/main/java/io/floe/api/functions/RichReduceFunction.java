package io.floe.api.functions;

/** A {@link ReduceFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichReduceFunction<T> extends AbstractRichFunction implements ReduceFunction<T> {
    private static final long serialVersionUID = 1L;
}
