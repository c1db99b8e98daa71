package io.floe.runtime.operators.windowing;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.TimeDomain;
import io.floe.api.functions.KeySelector;
import io.floe.api.functions.windowing.ProcessWindowFunction;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.state.State;
import io.floe.api.state.StateDescriptor;
import io.floe.api.windowing.TimestampedValue;
import io.floe.api.windowing.assigners.MergingWindowAssigner;
import io.floe.api.windowing.assigners.WindowAssigner;
import io.floe.api.windowing.evictors.Evictor;
import io.floe.api.windowing.triggers.EventTimeTrigger;
import io.floe.api.windowing.triggers.Trigger;
import io.floe.api.windowing.triggers.TriggerResult;
import io.floe.api.windowing.windows.Window;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.KeyedTimerService;
import io.floe.runtime.operators.StreamingRuntimeContext;
import io.floe.runtime.operators.UserFunctionOperator;
import io.floe.runtime.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Windows of a keyed stream: the assigner puts each element into its windows, whose contents are
 * keyed state ({@code _window-contents}: window → what {@link WindowContents} keeps), the trigger
 * decides when a window fires (the function then sees its contents) and purges, and a window is
 * dropped with its trigger state once time passes its end plus the allowed lateness. Timers are
 * keyed state too ({@link KeyedTimerService}, namespaced by window), so windows survive failures,
 * restores and rescaling with their key groups. An element all of whose windows are already gone
 * is late: it goes to the late-data side output, or is dropped and counted. Session windows
 * (merging assigners) merge their contents, trigger state and timers when they overlap.
 *
 * <p>With an evictor ({@link WindowEviction}) a window keeps every element with its timestamp
 * instead of what {@link WindowContents} keeps; when it fires, the evictor removes elements, the
 * contents are computed over the rest, the evictor may remove more, and the rest stays.
 */
public final class WindowOperator<K, IN, ACC, V, OUT, W extends Window>
        extends UserFunctionOperator<IN, OUT, ProcessWindowFunction<V, OUT, K, W>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(WindowOperator.class);
    static final String CONTENTS = "_window-contents";

    private final WindowAssigner<? super IN, W> assigner;
    private final Trigger<? super IN, ? super W> trigger;
    private final WindowContents<IN, ACC, V> contentsKind;
    /** Null: the window keeps what {@link #contentsKind} keeps. */
    private final WindowEviction<IN, W> eviction;

    private final long allowedLateness;
    private final OutputTag<IN> lateDataTag;

    /** Window → what {@link #contentsKind} keeps, or with an evictor the window's elements. */
    private transient MapState<W, Object> contents;

    private transient KeyedTimerService<K, W> timers;
    private transient ElementTimestamp timestamp;
    private transient TriggerContext triggerContext;
    private transient WindowFunctionContext<K, V, OUT, W> functionContext;
    private transient Evictor.EvictorContext evictorContext;
    private transient WindowAssigner.WindowAssignerContext assignerContext;
    private transient Collector<OUT> collector;
    private transient long droppedLateRecords;
    /** Whether the trigger is the event-time default, which only needs a window's first element. */
    private transient boolean defaultEventTimeTrigger;

    /**
     * @param evictor what to evict from a window when it fires, or null for none
     * @param lateDataTag where late elements go, or null to drop them
     */
    public WindowOperator(
            KeySelector<IN, K> keySelector,
            WindowAssigner<? super IN, W> assigner,
            Trigger<? super IN, ? super W> trigger,
            Evictor<? super IN, ? super W> evictor,
            WindowContents<IN, ACC, V> contentsKind,
            ProcessWindowFunction<V, OUT, K, W> function,
            long allowedLateness,
            OutputTag<IN> lateDataTag) {
        super(function);
        this.assigner = Objects.requireNonNull(assigner, "window assigner");
        this.trigger = Objects.requireNonNull(trigger, "trigger");
        this.contentsKind = contentsKind;
        this.eviction = evictor == null ? null : new WindowEviction<>(evictor);
        this.allowedLateness = allowedLateness;
        this.lateDataTag = lateDataTag;
        setStateKeySelector(keySelector);
        if (assigner instanceof MergingWindowAssigner && !trigger.canMerge()) {
            throw new UnsupportedOperationException("The trigger " + trigger + " cannot be used with the merging"
                    + " window assigner " + assigner + ": it does not support merging windows (canMerge() is false).");
        }
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        KeyedStateBackend<K> backend = (KeyedStateBackend<K>) (Object) keyedStateBackend;
        contents = (MapState<W, Object>) (MapState<?, ?>)
                backend.getOrCreateState(new MapStateDescriptor<>(CONTENTS, (Class) Window.class, Object.class));
        timestamp = context.timestamp();
        defaultEventTimeTrigger = trigger.getClass() == EventTimeTrigger.class;
        timers = new KeyedTimerService<>("window-timers", backend, context.processingTime(), timestamp, this::onTimer);
        triggerContext = new TriggerContext(new WindowScopedState<>(backend, "_window-trigger/"));
        functionContext = new WindowFunctionContext<>(
                userFunction,
                timers,
                output,
                new WindowScopedState<>(backend, "_window/"),
                new StreamingRuntimeContext(context, backend));
        evictorContext = new Evictor.EvictorContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timers.currentProcessingTime();
            }

            @Override
            public long getCurrentWatermark() {
                return timers.currentWatermark();
            }
        };
        assignerContext = new WindowAssigner.WindowAssignerContext() {
            @Override
            public long getCurrentProcessingTime() {
                return timers.currentProcessingTime();
            }
        };
        collector = output::collect;
        super.open();
    }

    @Override
    @SuppressWarnings("unchecked")
    public void processElement(IN element) throws Exception {
        long elementTime = timestamp.orMinValue();
        Collection<W> windows = ((WindowAssigner<IN, W>) assigner).assignWindows(element, elementTime, assignerContext);
        boolean skipped = true;
        boolean merging = assigner instanceof MergingWindowAssigner;
        for (W window : windows) {
            W actual = merging ? mergeIn(window) : window;
            if (isWindowLate(actual)) {
                continue;
            }
            skipped = false;
            boolean known = addToContents(actual, element) && !merging;
            if (known && defaultEventTimeTrigger && actual.maxTimestamp() > timers.currentWatermark()) {
                continue; // the default trigger's timer and the cleanup timer were set with the first element
            }
            triggerContext.window = actual;
            TriggerResult result = triggerOf().onElement(element, elementTime, actual, triggerContext);
            act(actual, result);
            if (!known) {
                registerCleanupTimer(actual); // it stays until the window is cleaned up or merged away
            }
        }
        if (skipped && isElementLate(elementTime)) {
            if (lateDataTag != null) {
                timestamp.set(elementTime);
                output.collect(lateDataTag, element);
            } else {
                droppedLateRecords++;
            }
        }
    }

    @SuppressWarnings("unchecked")
    /** @return whether the window had contents before */
    private boolean addToContents(W window, IN element) throws Exception {
        Object kept = contents.get(window);
        contents.put(
                window,
                eviction == null
                        ? contentsKind.add((ACC) kept, element)
                        : WindowEviction.add((List<TimestampedValue<IN>>) kept, element, timestamp));
        return kept != null;
    }

    @SuppressWarnings("unchecked")
    private Object mergeKept(Object a, Object b) throws Exception {
        return eviction == null
                ? contentsKind.merge((ACC) a, (ACC) b)
                : WindowEviction.merge((List<TimestampedValue<IN>>) a, (List<TimestampedValue<IN>>) b);
    }

    @SuppressWarnings("unchecked")
    private Trigger<IN, W> triggerOf() {
        return (Trigger<IN, W>) trigger;
    }

    private void act(W window, TriggerResult result) throws Exception {
        if (result.isFire()) {
            emit(window);
        }
        if (result.isPurge()) {
            contents.remove(window);
        }
    }

    /**
     * Adds {@code window} to the key's session windows, merging those it overlaps (their contents,
     * trigger state and timers): the window the element belongs to now.
     */
    @SuppressWarnings("unchecked")
    private W mergeIn(W window) throws Exception {
        List<W> all = new ArrayList<>();
        for (W existing : contents.keys()) {
            all.add(existing);
        }
        if (!all.contains(window)) {
            all.add(window);
        }
        List<W> results = new ArrayList<>();
        List<Collection<W>> groups = new ArrayList<>();
        ((MergingWindowAssigner<IN, W>) assigner).mergeWindows(all, (toBeMerged, mergeResult) -> {
            results.add(mergeResult);
            groups.add(new ArrayList<>(toBeMerged));
        });
        W actual = window;
        for (int i = 0; i < results.size(); i++) {
            W result = results.get(i);
            Collection<W> group = groups.get(i);
            if (group.contains(window)) {
                actual = result;
            }
            mergeContents(result, group);
        }
        return actual;
    }

    private void mergeContents(W result, Collection<W> group) throws Exception {
        Object merged = null;
        List<W> mergedAway = new ArrayList<>();
        for (W source : group) {
            Object kept = contents.get(source);
            if (kept != null) {
                merged = merged == null ? kept : mergeKept(merged, kept);
            }
            if (!source.equals(result)) {
                contents.remove(source);
                mergedAway.add(source);
            }
        }
        if (merged != null) {
            contents.put(result, merged);
        }
        triggerContext.window = result;
        triggerContext.mergedWindows = mergedAway;
        triggerOf().onMerge(result, triggerContext);
        for (W gone : mergedAway) {
            triggerContext.window = gone;
            triggerOf().clear(gone, triggerContext);
            deleteCleanupTimer(gone);
        }
    }

    private void onTimer(K key, W window, long time, TimeDomain domain) throws Exception {
        triggerContext.window = window;
        TriggerResult result = domain == TimeDomain.EVENT_TIME
                ? triggerOf().onEventTime(time, window, triggerContext)
                : triggerOf().onProcessingTime(time, window, triggerContext);
        act(window, result);
        boolean cleanupDomain = assigner.isEventTime() == (domain == TimeDomain.EVENT_TIME);
        if (cleanupDomain && time == cleanupTime(window)) {
            clearAllState(window);
        }
    }

    /** Runs the window function on the window's contents, the records timestamped with the window's end. */
    @SuppressWarnings("unchecked")
    private void emit(W window) throws Exception {
        Object kept = contents.get(window);
        if (kept == null) {
            return;
        }
        if (eviction != null) {
            emitEvicting(window, new ArrayList<>((List<TimestampedValue<IN>>) kept));
            return;
        }
        process(window, contentsKind.result((ACC) kept));
    }

    /** Evicts, computes over what remains, evicts again and keeps the rest (the window is empty without). */
    private void emitEvicting(W window, List<TimestampedValue<IN>> elements) throws Exception {
        eviction.evictBefore(elements, window, evictorContext);
        process(window, contentsKind.resultOf(WindowEviction.values(elements)));
        eviction.evictAfter(elements, window, evictorContext);
        if (elements.isEmpty()) {
            contents.remove(window);
        } else {
            contents.put(window, elements);
        }
    }

    private void process(W window, Iterable<V> input) throws Exception {
        timestamp.set(window.maxTimestamp());
        functionContext.window = window;
        K key = currentKey();
        try {
            userFunction.process(key, functionContext, input, collector);
        } catch (Exception e) {
            throw new WindowFunctionException(context.taskName(), key, window, e);
        }
    }

    @SuppressWarnings("unchecked")
    private K currentKey() {
        return (K) keyedStateBackend.getCurrentKey();
    }

    private void clearAllState(W window) throws Exception {
        contents.remove(window);
        triggerContext.window = window;
        triggerOf().clear(window, triggerContext);
        functionContext.window = window;
        userFunction.clear(functionContext);
    }

    private long cleanupTime(W window) {
        if (!assigner.isEventTime()) {
            return window.maxTimestamp();
        }
        long cleanup = window.maxTimestamp() + allowedLateness;
        return cleanup >= window.maxTimestamp() ? cleanup : Long.MAX_VALUE;
    }

    private void registerCleanupTimer(W window) {
        long cleanup = cleanupTime(window);
        if (cleanup == Long.MAX_VALUE) {
            return; // the end of time: such a window (global) lives until the job ends
        }
        if (assigner.isEventTime()) {
            timers.registerEventTimeTimer(window, cleanup);
        } else {
            timers.registerProcessingTimeTimer(window, cleanup);
        }
    }

    private void deleteCleanupTimer(W window) {
        long cleanup = cleanupTime(window);
        if (assigner.isEventTime()) {
            timers.deleteEventTimeTimer(window, cleanup);
        } else {
            timers.deleteProcessingTimeTimer(window, cleanup);
        }
    }

    private boolean isWindowLate(W window) {
        return assigner.isEventTime() && cleanupTime(window) <= timers.currentWatermark();
    }

    private boolean isElementLate(long elementTime) {
        return assigner.isEventTime() && elementTime + allowedLateness <= timers.currentWatermark();
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        timers.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    /** In BATCH mode processing time ends with the input, as in Flink: processing-time windows fire now. */
    @Override
    public void endInput() throws Exception {
        if (context.batch()) {
            timers.fireAllProcessingTimers();
        }
    }

    /** How many late records were dropped (without a late-data side output), since this subtask started. */
    public long getDroppedLateRecords() {
        return droppedLateRecords;
    }

    @Override
    public void close() throws Exception {
        if (timers != null) {
            timers.close();
        }
        if (droppedLateRecords > 0) {
            LOG.info("{} dropped {} late records (numLateRecordsDropped)", context.taskName(), droppedLateRecords);
        }
        super.close();
    }

    /** What a trigger sees: the window it is asked about, its timers and its state. */
    private final class TriggerContext implements Trigger.OnMergeContext {
        private final WindowScopedState<W> state;
        private W window;
        private Collection<W> mergedWindows = List.of();

        TriggerContext(WindowScopedState<W> state) {
            this.state = state;
        }

        @Override
        public long getCurrentProcessingTime() {
            return timers.currentProcessingTime();
        }

        @Override
        public long getCurrentWatermark() {
            return timers.currentWatermark();
        }

        @Override
        public void registerProcessingTimeTimer(long time) {
            timers.registerProcessingTimeTimer(window, time);
        }

        @Override
        public void registerEventTimeTimer(long time) {
            timers.registerEventTimeTimer(window, time);
        }

        @Override
        public void deleteProcessingTimeTimer(long time) {
            timers.deleteProcessingTimeTimer(window, time);
        }

        @Override
        public void deleteEventTimeTimer(long time) {
            timers.deleteEventTimeTimer(window, time);
        }

        @Override
        public <S extends State> S getPartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            state.setWindow(window);
            return state.get(stateDescriptor);
        }

        @Override
        public <S extends State> void mergePartitionedState(StateDescriptor<S, ?> stateDescriptor) {
            state.setWindow(window);
            try {
                state.merge(stateDescriptor, mergedWindows);
            } catch (Exception e) {
                throw new IllegalStateException("Cannot merge the trigger state " + stateDescriptor.describe(), e);
            }
        }
    }
}
