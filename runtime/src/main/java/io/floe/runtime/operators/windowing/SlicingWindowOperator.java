package io.floe.runtime.operators.windowing;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.functions.KeySelector;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.state.ValueState;
import io.floe.api.state.ValueStateDescriptor;
import io.floe.api.windowing.windows.TimeWindow;
import io.floe.runtime.network.serialization.TaggedRecordSerializer;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.KeyedTimerService;
import io.floe.runtime.operators.StreamingRuntimeContext;
import io.floe.runtime.operators.UserFunctionOperator;
import io.floe.runtime.state.KeyedStateBackend;
import io.floe.runtime.util.SortedLongMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sliding event-time windows whose size is a whole number of slides (tumbling ones: one slide),
 * kept as slide-sized panes: an element goes into the one pane it falls in (Flink puts it into
 * each of the size/slide windows), and when the watermark passes a window's end the window merges
 * the panes it spans. So an element costs one state update however many windows it is in, and the
 * state holds each element's contribution once. Panes are keyed state ({@code _window-panes}: a
 * key's panes by start, in a {@link SortedLongMap}) and the window ends are event-time timers, so
 * they are checkpointed and rescaled like any other state. A pane goes when the last window it
 * belongs to has fired. An element all of whose windows have fired is late: side output, or
 * dropped and counted. Used for the default trigger without an evictor or allowed lateness; other
 * windows take the {@link WindowOperator}.
 */
public final class SlicingWindowOperator<K, IN, ACC, V, OUT>
        extends UserFunctionOperator<IN, OUT, ProcessWindowFunction<V, OUT, K, TimeWindow>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(SlicingWindowOperator.class);
    static final String PANES = "_window-panes";

    private final long size;
    private final long slide;
    private final long offset;
    private final WindowContents<IN, ACC, V> contentsKind;
    private final OutputTag<IN> lateDataTag;

    /** Each key's panes by start time: a few per key, so a sorted array beats a map of boxed starts. */
    private transient ValueState<SortedLongMap<ACC>> panes;

    private transient KeyedTimerService<K, Void> windowEnds;
    private transient ElementTimestamp timestamp;
    private transient WindowFunctionContext<K, V, OUT, TimeWindow> functionContext;
    private transient Collector<OUT> collector;
    private transient TaggedRecordSerializer copier;
    private transient long droppedLateRecords;

    /** @param lateDataTag where late elements go, or null to drop them */
    public SlicingWindowOperator(
            KeySelector<IN, K> keySelector,
            long size,
            long slide,
            long offset,
            WindowContents<IN, ACC, V> contentsKind,
            ProcessWindowFunction<V, OUT, K, TimeWindow> function,
            OutputTag<IN> lateDataTag) {
        super(function);
        if (size % slide != 0) {
            throw new IllegalArgumentException(
                    "Panes need a size (" + size + " ms) that is a multiple of the slide (" + slide + " ms)");
        }
        this.size = size;
        this.slide = slide;
        this.offset = offset;
        this.contentsKind = contentsKind;
        this.lateDataTag = lateDataTag;
        setStateKeySelector(keySelector);
    }

    /** Whether windows of {@code size} every {@code slide} can be built from panes (tumbling: one pane each). */
    public static boolean canSlice(long size, long slide) {
        return size % slide == 0;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void open() throws Exception {
        KeyedStateBackend<K> backend = (KeyedStateBackend<K>) (Object) keyedStateBackend;
        panes = (ValueState<SortedLongMap<ACC>>)
                (ValueState<?>) backend.getOrCreateState(new ValueStateDescriptor<>(PANES, SortedLongMap.class));
        timestamp = context.timestamp();
        windowEnds = new KeyedTimerService<>(
                "window-timers", backend, context.processingTime(), timestamp, this::onWindowEnd);
        functionContext = new WindowFunctionContext<>(
                userFunction,
                windowEnds,
                output,
                new WindowScopedState<>(backend, "_window/"),
                new StreamingRuntimeContext(context, backend));
        collector = output::collect;
        copier = new TaggedRecordSerializer(context.userClassLoader());
        super.open();
    }

    @Override
    public void processElement(IN element) throws Exception {
        if (!timestamp.isPresent()) {
            throw new IllegalStateException("SlidingEventTimeWindows got a record without a timestamp: did you"
                    + " forget DataStream.assignTimestampsAndWatermarks(...), or mean a processing-time assigner?");
        }
        long time = timestamp.get();
        long pane = TimeWindow.getWindowStartWithOffset(time, offset, slide);
        long watermark = windowEnds.currentWatermark();
        if (pane + size - 1 <= watermark) { // its last window has fired
            if (lateDataTag != null) {
                output.collect(lateDataTag, element);
            } else {
                droppedLateRecords++;
            }
            return;
        }
        SortedLongMap<ACC> keyPanes = panes.value(); // (a private copy while a snapshot shares it)
        int index = keyPanes == null ? -1 : keyPanes.indexOf(pane);
        if (index >= 0) {
            keyPanes.setValueAt(index, contentsKind.add(keyPanes.valueAt(index), element));
            return;
        }
        if (keyPanes == null) {
            keyPanes = new SortedLongMap<>();
            panes.update(keyPanes);
        }
        keyPanes.insertAt(index, pane, contentsKind.add(null, element));
        // a new pane: a timer for the end of the first of its windows that has not fired
        long end = pane + slide;
        if (end - 1 <= watermark) {
            end += ((watermark - (end - 1)) / slide + 1) * slide;
        }
        windowEnds.registerEventTimeTimer(null, end - 1);
    }

    /** The window {@code [end - size, end)} fires: its panes merged; then panes no later window needs go. */
    private void onWindowEnd(K key, Void namespace, long time, TimeDomain domain) throws Exception {
        long end = time + 1;
        long start = end - size;
        SortedLongMap<ACC> keyPanes = panes.value();
        if (keyPanes == null) {
            return;
        }
        ACC merged = null;
        int panesInWindow = 0;
        boolean nextWindowHasPanes = false;
        int first = keyPanes.indexOf(start);
        for (int i = first >= 0 ? first : -first - 1; i < keyPanes.size() && keyPanes.keyAt(i) < end; i++) {
            ACC kept = keyPanes.valueAt(i);
            nextWindowHasPanes |= keyPanes.keyAt(i) > start;
            if (++panesInWindow == 1) {
                merged = kept; // alone (a tumbling window's), it needs no copy
            } else {
                merged = contentsKind.merge(panesInWindow == 2 ? ownCopy(merged) : merged, ownCopy(kept));
            }
        }
        keyPanes.remove(start); // this was its last window
        if (keyPanes.isEmpty()) {
            panes.clear();
        }
        if (nextWindowHasPanes) { // (a newer pane set its own timer for the next window)
            windowEnds.registerEventTimeTimer(null, end + slide - 1);
        }
        if (merged != null) {
            emit(key, new TimeWindow(start, end), merged);
        }
    }

    /** A pane's contents for a merge that may reuse it (Flink's merge contract): a copy when it can change. */
    @SuppressWarnings("unchecked")
    private ACC ownCopy(ACC contents) {
        return contentsKind.mergeReusesInputs() ? (ACC) copier.copy(contents) : contents;
    }

    private void emit(K key, TimeWindow window, ACC contents) throws Exception {
        timestamp.set(window.maxTimestamp());
        functionContext.window = window;
        try {
            userFunction.process(key, functionContext, contentsKind.result(contents), collector);
            userFunction.clear(functionContext); // the window never fires again
        } catch (Exception e) {
            throw new WindowFunctionException(context.taskName(), key, window, e);
        }
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        windowEnds.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public void close() throws Exception {
        if (windowEnds != null) {
            windowEnds.close();
        }
        if (droppedLateRecords > 0) {
            LOG.info("{} dropped {} late records (numLateRecordsDropped)", context.taskName(), droppedLateRecords);
        }
        super.close();
    }
}
