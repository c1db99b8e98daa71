package io.floe.api.functions;

/** Turns one record into one record. */
@FunctionalInterface
public interface MapFunction<T, O> extends Function {
    O map(T value) throws Exception;
}
