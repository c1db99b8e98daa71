package io.floe.api.functions;

import java.io.Serializable;

/** Extracts the key of a record for {@code keyBy}. Keys need stable {@code hashCode()} and {@code equals()}. */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Serializable {
    KEY getKey(IN value) throws Exception;
}
