package io.floe.api.functions;

/** A {@link FlatMapFunction} with {@code open}/{@code close} and a {@link RuntimeContext}. */
public abstract class RichFlatMapFunction<T, O> extends AbstractRichFunction implements FlatMapFunction<T, O> {
    private static final long serialVersionUID = 1L;
}
