package io.floe.runtime.operators.co;

import io.floe.api.Collector;
import io.floe.api.OutputTag;
import io.floe.api.functions.co.ProcessJoinFunction;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.runtime.operators.ElementTimestamp;
import io.floe.runtime.operators.KeyedTimerService;
import io.floe.runtime.operators.Output;
import io.floe.runtime.operators.TwoInputStreamOperator;
import io.floe.runtime.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code keyBy(...).intervalJoin(other.keyBy(...)).between(lower, upper)}: joins a left element at
 * time {@code t} with each right element of its key at a time in {@code [t + lower, t + upper]}.
 * Both sides wait in keyed state, bucketed by timestamp, until the watermark says no partner can
 * come any more (then an event-time timer drops the bucket); an element behind the watermark is
 * late and dropped, as in Flink. A pair is emitted with the later of its two timestamps.
 */
public final class IntervalJoinOperator<K, T1, T2, OUT>
        extends TwoInputStreamOperator<T1, T2, OUT, ProcessJoinFunction<T1, T2, OUT>> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(IntervalJoinOperator.class);

    private final long lowerBound;
    private final long upperBound;

    private transient MapState<Long, List<T1>> leftBuffer;
    private transient MapState<Long, List<T2>> rightBuffer;
    private transient KeyedTimerService<K, Long> leftCleanup;
    private transient KeyedTimerService<K, Long> rightCleanup;
    private transient ElementTimestamp timestamp;
    private transient JoinContext joinContext;
    private transient Collector<OUT> collector;
    private transient long droppedLateRecords;

    /** Inclusive bounds in ms, {@code lowerBound <= upperBound}. */
    public IntervalJoinOperator(long lowerBound, long upperBound, ProcessJoinFunction<T1, T2, OUT> function) {
        super(function);
        if (lowerBound > upperBound) {
            throw new IllegalArgumentException("The interval join's lower bound (" + lowerBound
                    + " ms) must not be above its upper bound (" + upperBound + " ms).");
        }
        this.lowerBound = lowerBound;
        this.upperBound = upperBound;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void open() throws Exception {
        KeyedStateBackend<K> backend = (KeyedStateBackend<K>) (Object) keyedStateBackend;
        leftBuffer = (MapState<Long, List<T1>>) (MapState<?, ?>) backend.getOrCreateState(
                new MapStateDescriptor<>("_interval-join/left", Long.class, (Class) List.class));
        rightBuffer = (MapState<Long, List<T2>>) (MapState<?, ?>) backend.getOrCreateState(
                new MapStateDescriptor<>("_interval-join/right", Long.class, (Class) List.class));
        timestamp = context.timestamp();
        leftCleanup = new KeyedTimerService<>(
                "interval-join-left",
                backend,
                context.processingTime(),
                timestamp,
                (key, bucket, time, domain) -> leftBuffer.remove(bucket));
        rightCleanup = new KeyedTimerService<>(
                "interval-join-right",
                backend,
                context.processingTime(),
                timestamp,
                (key, bucket, time, domain) -> rightBuffer.remove(bucket));
        Output<OUT> out = output;
        collector = out::collect;
        joinContext = new JoinContext(out);
        super.open();
    }

    @Override
    public void processElement1(T1 element) throws Exception {
        long time = timestampOf(element);
        if (time < leftCleanup.currentWatermark()) {
            droppedLateRecords++;
            return;
        }
        add(leftBuffer, time, element);
        for (Map.Entry<Long, List<T2>> bucket : rightBuffer.entries()) {
            long rightTime = bucket.getKey();
            if (rightTime >= time + lowerBound && rightTime <= time + upperBound) {
                for (T2 right : bucket.getValue()) {
                    emit(element, right, time, rightTime);
                }
            }
        }
        leftCleanup.registerEventTimeTimer(time, upperBound > 0 ? time + upperBound : time);
    }

    @Override
    public void processElement2(T2 element) throws Exception {
        long time = timestampOf(element);
        if (time < rightCleanup.currentWatermark()) {
            droppedLateRecords++;
            return;
        }
        add(rightBuffer, time, element);
        for (Map.Entry<Long, List<T1>> bucket : leftBuffer.entries()) {
            long leftTime = bucket.getKey();
            if (time >= leftTime + lowerBound && time <= leftTime + upperBound) {
                for (T1 left : bucket.getValue()) {
                    emit(left, element, leftTime, time);
                }
            }
        }
        rightCleanup.registerEventTimeTimer(time, lowerBound <= 0 ? time - lowerBound : time);
    }

    private long timestampOf(Object element) {
        if (!timestamp.isPresent()) {
            throw new IllegalStateException("The interval join in " + context.taskName() + " got " + element
                    + " without an event timestamp: both inputs need timestamps"
                    + " (DataStream.assignTimestampsAndWatermarks, or a source that gives them).");
        }
        return timestamp.get();
    }

    private static <T> void add(MapState<Long, List<T>> buffer, long time, T element) throws Exception {
        List<T> kept = buffer.get(time);
        List<T> grown = kept == null ? new ArrayList<>(1) : new ArrayList<>(kept);
        grown.add(element);
        buffer.put(time, grown);
    }

    private void emit(T1 left, T2 right, long leftTime, long rightTime) throws Exception {
        long pairTime = Math.max(leftTime, rightTime);
        joinContext.leftTime = leftTime;
        joinContext.rightTime = rightTime;
        joinContext.time = pairTime;
        timestamp.set(pairTime);
        userFunction.processElement(left, right, joinContext, collector);
    }

    @Override
    public void processWatermark(long watermark) throws Exception {
        leftCleanup.advanceWatermark(watermark);
        rightCleanup.advanceWatermark(watermark);
        output.emitWatermark(watermark);
    }

    @Override
    public void close() throws Exception {
        if (leftCleanup != null) {
            leftCleanup.close();
            rightCleanup.close();
        }
        if (droppedLateRecords > 0) {
            LOG.info("{} dropped {} late records (numLateRecordsDropped)", context.taskName(), droppedLateRecords);
        }
        super.close();
    }

    /** What the join function sees besides the pair. */
    private final class JoinContext extends ProcessJoinFunction<T1, T2, OUT>.Context {
        private final Output<OUT> out;
        private long leftTime;
        private long rightTime;
        private long time;

        JoinContext(Output<OUT> out) {
            userFunction.super();
            this.out = out;
        }

        @Override
        public long getLeftTimestamp() {
            return leftTime;
        }

        @Override
        public long getRightTimestamp() {
            return rightTime;
        }

        @Override
        public long getTimestamp() {
            return time;
        }

        @Override
        public <X> void output(OutputTag<X> outputTag, X value) {
            out.collect(outputTag, value);
        }
    }
}
