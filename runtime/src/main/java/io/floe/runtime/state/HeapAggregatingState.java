package io.floe.runtime.state;

import io.floe.api.functions.AggregateFunction;
import io.floe.api.state.AggregatingState;
import io.floe.api.state.AggregatingStateDescriptor;

/** {@link AggregatingState} on the heap: the entry is the accumulator, or a {@link TtlValue} holding it. */
final class HeapAggregatingState<K, IN, ACC, OUT> extends AbstractHeapState<K> implements AggregatingState<IN, OUT> {
    private final AggregateFunction<IN, ACC, OUT> aggregateFunction;

    HeapAggregatingState(
            HeapKeyedStateBackend<K> backend, AggregatingStateDescriptor<IN, ACC, OUT> descriptor, TtlPolicy ttl) {
        super(backend, descriptor, ttl);
        this.aggregateFunction = descriptor.getAggregateFunction();
    }

    @Override
    @SuppressWarnings("unchecked")
    public OUT get() {
        ACC accumulator = (ACC) TimedEntries.read(this, stored());
        return accumulator == null ? null : aggregateFunction.getResult(accumulator);
    }

    @Override
    @SuppressWarnings("unchecked")
    public void add(IN value) {
        // add may change the accumulator in place
        ACC accumulator = (ACC) copyIfShared(TimedEntries.readForUpdate(this, stored()));
        if (accumulator == null) {
            accumulator = aggregateFunction.createAccumulator();
        }
        accumulator = aggregateFunction.add(value, accumulator);
        store(ttl == null ? accumulator : new TtlValue(accumulator, ttl.now()));
    }
}
