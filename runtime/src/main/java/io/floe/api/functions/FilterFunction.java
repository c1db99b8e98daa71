package io.floe.api.functions;

/** Keeps the records for which it returns true. */
@FunctionalInterface
public interface FilterFunction<T> extends Function {
    boolean filter(T value) throws Exception;
}
