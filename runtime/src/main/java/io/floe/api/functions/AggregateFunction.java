package io.floe.api.functions;

/**
 * Folds values into an accumulator and reads a result from it: the function behind
 * {@code AggregatingState} (and, with event time, window aggregations). {@code add} and
 * {@code merge} may modify and return their accumulator argument.
 */
public interface AggregateFunction<IN, ACC, OUT> extends Function {
    ACC createAccumulator();

    ACC add(IN value, ACC accumulator);

    OUT getResult(ACC accumulator);

    ACC merge(ACC a, ACC b);
}
