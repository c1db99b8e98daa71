package io.floe.api.functions;

/** Makes one record of a pair that a window join found: an element of each input with equal keys in one window. */
@FunctionalInterface
public interface JoinFunction<IN1, IN2, OUT> extends Function {
    OUT join(IN1 first, IN2 second) throws Exception;
}
