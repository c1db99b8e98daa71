package io.floe.api.functions;

/** Extracts the key of a record for {@code keyBy}. Keys need stable {@code hashCode()} and {@code equals()}. */
@FunctionalInterface
public interface KeySelector<IN, KEY> extends Function {
    KEY getKey(IN value) throws Exception;
}
