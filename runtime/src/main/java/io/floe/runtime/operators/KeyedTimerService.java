package io.floe.runtime.operators;

import io.floe.api.TimeDomain;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.api.tuple.Tuple2;
import io.floe.runtime.state.KeyedStateBackend;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * The timers of a keyed operator: at most one per key, namespace, timestamp and time domain (the
 * namespace is what a timer is for: a window, or null for a {@code KeyedProcessFunction}'s). They
 * are keyed state (a {@code MapState} of (timestamp, namespace) per key and domain), so
 * checkpoints, restores and rescaling carry them with their key groups like any other state. A
 * heap queue per domain, built again from that state on restore, says which fires next; a deleted
 * timer leaves its queue entry behind, which is skipped when its time comes. Task thread only.
 */
public final class KeyedTimerService<K, N> {
    /** What fires a timer: with its key set as the current key, and the element timestamp set for event time. */
    @FunctionalInterface
    public interface Target<K, N> {
        void onTimer(K key, N namespace, long timestamp, TimeDomain domain) throws Exception;
    }

    private record Timer<K, N>(K key, N namespace, long timestamp) implements Comparable<Timer<K, N>> {
        @Override
        public int compareTo(Timer<K, N> other) {
            return Long.compare(timestamp, other.timestamp);
        }
    }

    private final KeyedStateBackend<K> backend;
    private final ProcessingTimeService processingTime;
    private final ElementTimestamp elementTimestamp;
    private final Target<K, N> target;
    private final Timers eventTimers;
    private final Timers processingTimers;
    private long currentWatermark = Long.MIN_VALUE;
    /** The processing time the scheduled wake-up is for, or Long.MAX_VALUE when none is scheduled. */
    private long nextWakeUp = Long.MAX_VALUE;

    private ProcessingTimeService.Registration wakeUp;

    /**
     * @param name the operator's timer service name (Flink's {@code user-timers}, {@code window-timers});
     *     the state names derive from it
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    public KeyedTimerService(
            String name,
            KeyedStateBackend<K> backend,
            ProcessingTimeService processingTime,
            ElementTimestamp elementTimestamp,
            Target<K, N> target)
            throws Exception {
        this.backend = backend;
        this.processingTime = processingTime;
        this.elementTimestamp = elementTimestamp;
        this.target = target;
        String eventName = "_timer_state/event_" + name;
        String processingName = "_timer_state/processing_" + name;
        this.eventTimers = new Timers(timerState(backend, eventName));
        this.processingTimers = new Timers(timerState(backend, processingName));
        // restored timers: into the queues
        restoreQueue(eventName, eventTimers);
        restoreQueue(processingName, processingTimers);
        scheduleWakeUp();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static <N> MapState<Tuple2<Long, N>, Boolean> timerState(KeyedStateBackend<?> backend, String name)
            throws Exception {
        // Tuple2<Long, N>.class does not exist: the descriptor takes the raw class
        return (MapState<Tuple2<Long, N>, Boolean>) (MapState<?, ?>)
                backend.getOrCreateState(new MapStateDescriptor<>(name, (Class) Tuple2.class, Boolean.class));
    }

    private void restoreQueue(String stateName, Timers timers) throws Exception {
        backend.forEachKey(stateName, key -> {
            for (Tuple2<Long, N> timer : timers.state.keys()) {
                timers.queue.add(new Timer<>(key, timer.f1, timer.f0));
                timers.set++;
            }
        });
    }

    public long currentProcessingTime() {
        return processingTime.getCurrentProcessingTime();
    }

    public long currentWatermark() {
        return currentWatermark;
    }

    public void registerEventTimeTimer(N namespace, long time) {
        register(eventTimers, namespace, time);
    }

    public void registerProcessingTimeTimer(N namespace, long time) {
        register(processingTimers, namespace, time);
        scheduleWakeUp();
    }

    public void deleteEventTimeTimer(N namespace, long time) {
        delete(eventTimers, namespace, time);
    }

    public void deleteProcessingTimeTimer(N namespace, long time) {
        delete(processingTimers, namespace, time);
    }

    private void delete(Timers timers, N namespace, long time) {
        try {
            Tuple2<Long, N> timer = new Tuple2<>(time, namespace);
            if (timers.state.contains(timer)) {
                timers.state.remove(timer);
                timers.set--;
                dropStaleEntriesIfMost(timers);
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot delete the timer at " + time, e);
        }
    }

    /**
     * A deleted timer's queue entry stays until its time; when most of a queue is such entries (a
     * function that moves a timeout on with every record), the queue is built again from the
     * timers still set: amortised, a delete costs O(log n) and the queue stays near the timers' size.
     */
    private void dropStaleEntriesIfMost(Timers timers) throws Exception {
        if (timers.queue.size() <= 2 * timers.set + 64) {
            return;
        }
        K current = backend.getCurrentKey();
        List<Timer<K, N>> kept = new ArrayList<>((int) timers.set);
        Set<Timer<K, N>> seen = new HashSet<>();
        for (Timer<K, N> entry : timers.queue) {
            backend.setCurrentKey(entry.key());
            if (timers.state.contains(new Tuple2<>(entry.timestamp(), entry.namespace())) && seen.add(entry)) {
                kept.add(entry);
            }
        }
        backend.setCurrentKey(current);
        timers.queue.clear();
        timers.queue.addAll(kept);
    }

    private void register(Timers timers, N namespace, long time) {
        K key = backend.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("A timer can only be set while a keyed record or timer is processed.");
        }
        try {
            Tuple2<Long, N> timer = new Tuple2<>(time, namespace);
            if (!timers.state.contains(timer)) {
                timers.state.put(timer, Boolean.TRUE);
                timers.queue.add(new Timer<>(key, namespace, time));
                timers.set++;
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set the timer at " + time, e);
        }
    }

    /** Event time reached {@code watermark}: fires every event-time timer at or before it, in time order. */
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        fire(eventTimers, watermark, TimeDomain.EVENT_TIME);
    }

    private void fire(Timers timers, long upTo, TimeDomain domain) throws Exception {
        Timer<K, N> next;
        while ((next = timers.queue.peek()) != null && next.timestamp() <= upTo) {
            timers.queue.poll();
            backend.setCurrentKey(next.key());
            Tuple2<Long, N> timer = new Tuple2<>(next.timestamp(), next.namespace());
            if (!timers.state.contains(timer)) {
                continue; // deleted, or a second entry of a timer set again after a delete
            }
            timers.state.remove(timer);
            timers.set--;
            if (domain == TimeDomain.EVENT_TIME) {
                elementTimestamp.set(next.timestamp());
            } else {
                elementTimestamp.clear();
            }
            target.onTimer(next.key(), next.namespace(), next.timestamp(), domain);
        }
    }

    /** Processing time has ended (a BATCH job's input did): fires every processing-time timer. */
    public void fireAllProcessingTimers() throws Exception {
        fire(processingTimers, Long.MAX_VALUE, TimeDomain.PROCESSING_TIME);
    }

    private void onProcessingTime(long time) throws Exception {
        nextWakeUp = Long.MAX_VALUE;
        wakeUp = null;
        fire(processingTimers, processingTime.getCurrentProcessingTime(), TimeDomain.PROCESSING_TIME);
        scheduleWakeUp();
    }

    /** One wake-up, for the earliest processing-time timer; moved earlier when an earlier one is set. */
    private void scheduleWakeUp() {
        Timer<K, N> head = processingTimers.queue.peek();
        if (head == null || head.timestamp() >= nextWakeUp) {
            return;
        }
        if (wakeUp != null) {
            wakeUp.cancel();
        }
        nextWakeUp = head.timestamp();
        wakeUp = processingTime.registerTimer(head.timestamp(), this::onProcessingTime);
    }

    /** Stops the wake-up (the operator closes). */
    public void close() {
        if (wakeUp != null) {
            wakeUp.cancel();
            wakeUp = null;
        }
    }

    /** Entries in the event-time queue, deleted timers' included (what the queue costs in memory). */
    int queuedEventTimeEntries() {
        return eventTimers.queue.size();
    }

    /** A domain's timers: what is set (keyed state), and a queue by time that may hold deleted ones' entries too. */
    private final class Timers {
        final MapState<Tuple2<Long, N>, Boolean> state;
        final PriorityQueue<Timer<K, N>> queue = new PriorityQueue<>();
        /** How many timers are set, over all keys. */
        long set;

        Timers(MapState<Tuple2<Long, N>, Boolean> state) {
            this.state = state;
        }
    }

    /** The {@link io.floe.api.TimerService} of a function whose timers have no namespace. */
    public io.floe.api.TimerService forUserFunction() {
        KeyedTimerService<K, N> timers = this;
        return new io.floe.api.TimerService() {
            @Override
            public long currentProcessingTime() {
                return timers.currentProcessingTime();
            }

            @Override
            public long currentWatermark() {
                return timers.currentWatermark();
            }

            @Override
            public void registerProcessingTimeTimer(long time) {
                timers.registerProcessingTimeTimer(null, time);
            }

            @Override
            public void registerEventTimeTimer(long time) {
                timers.registerEventTimeTimer(null, time);
            }

            @Override
            public void deleteProcessingTimeTimer(long time) {
                timers.deleteProcessingTimeTimer(null, time);
            }

            @Override
            public void deleteEventTimeTimer(long time) {
                timers.deleteEventTimeTimer(null, time);
            }
        };
    }
}
