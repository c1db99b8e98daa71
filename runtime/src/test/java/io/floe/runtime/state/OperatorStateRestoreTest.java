package io.floe.runtime.state;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How operator list state comes back to the instances of a new run. */
class OperatorStateRestoreTest {
    private static final TaggedRecordSerializer SERIALIZER =
            new TaggedRecordSerializer(OperatorStateRestoreTest.class.getClassLoader());
    private static final ListStateDescriptor<String> SPLIT = new ListStateDescriptor<>("split", String.class);
    private static final ListStateDescriptor<String> UNION = new ListStateDescriptor<>("union", String.class);

    /** Instance 0 had three split elements, instance 1 one; each had one union element. */
    private static List<byte[]> previousRun() throws Exception {
        List<byte[]> snapshots = new ArrayList<>();
        List<List<String>> split = List.of(List.of("a0", "a1", "a2"), List.of("b0"));
        for (int index = 0; index < 2; index++) {
            HeapOperatorStateBackend backend = new HeapOperatorStateBackend(SERIALIZER);
            backend.getListState(SPLIT).update(split.get(index));
            backend.getUnionListState(UNION).update(List.of("u" + index));
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            backend.snapshot().writeTo(bytes);
            snapshots.add(bytes.toByteArray());
        }
        return snapshots;
    }

    private static HeapOperatorStateBackend restore(boolean rescaled, int own, int index, int parallelism)
            throws Exception {
        List<InputStream> streams = new ArrayList<>();
        for (byte[] snapshot : previousRun()) {
            streams.add(new ByteArrayInputStream(snapshot));
        }
        HeapOperatorStateBackend backend = new HeapOperatorStateBackend(SERIALIZER);
        backend.restore(streams, rescaled, own, index, parallelism);
        return backend;
    }

    private static List<String> elements(ListState<String> state) throws Exception {
        List<String> all = new ArrayList<>();
        state.get().forEach(all::add);
        return all;
    }

    @Test
    void atTheSameParallelismEachInstanceKeepsItsOwnSplitListsWhole() throws Exception {
        HeapOperatorStateBackend first = restore(false, 0, 0, 2);
        HeapOperatorStateBackend second = restore(false, 1, 1, 2);
        assertEquals(List.of("a0", "a1", "a2"), elements(first.getListState(SPLIT)));
        assertEquals(List.of("b0"), elements(second.getListState(SPLIT)));
    }

    @Test
    void anInstanceThatWroteNoStateGetsNoSplitElements() throws Exception {
        assertEquals(List.of(), elements(restore(false, -1, 1, 2).getListState(SPLIT)));
    }

    @Test
    void atAnotherParallelismSplitListsAreDealtOutRoundRobin() throws Exception {
        List<List<String>> dealt = new ArrayList<>();
        for (int index = 0; index < 3; index++) {
            dealt.add(elements(restore(true, -2, index, 3).getListState(SPLIT)));
        }
        assertEquals(List.of(List.of("a0", "b0"), List.of("a1"), List.of("a2")), dealt);
    }

    @Test
    void unionListsGoWholeToEveryInstance() throws Exception {
        assertEquals(List.of("u0", "u1"), elements(restore(false, 1, 1, 2).getUnionListState(UNION)));
        assertEquals(List.of("u0", "u1"), elements(restore(true, -2, 2, 3).getUnionListState(UNION)));
    }
}
