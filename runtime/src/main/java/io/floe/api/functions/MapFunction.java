package io.floe.api.functions;

import java.io.Serializable;

/** Turns one record into one record. */
@FunctionalInterface
public interface MapFunction<T, O> extends Serializable {
    O map(T value) throws Exception;
}
