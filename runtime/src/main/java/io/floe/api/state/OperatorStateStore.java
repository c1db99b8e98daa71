package io.floe.api.state;

/**
 * Non-keyed state of one parallel instance of an operator (a source's read position, a sink's
 * pending files), for {@code CheckpointedFunction}s. After a restore at another parallelism the
 * elements of a {@link #getListState list state} are spread over the new instances round-robin,
 * and every instance gets all elements of a {@link #getUnionListState union list state}.
 */
public interface OperatorStateStore {
    <S> ListState<S> getListState(ListStateDescriptor<S> descriptor) throws Exception;

    <S> ListState<S> getUnionListState(ListStateDescriptor<S> descriptor) throws Exception;
}
