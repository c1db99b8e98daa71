package io.floe.runtime.operators;

import io.floe.api.TimeDomain;
import io.floe.api.TimerService;
import io.floe.api.state.MapState;
import io.floe.api.state.MapStateDescriptor;
import io.floe.runtime.state.KeyedStateBackend;
import java.util.PriorityQueue;

/**
 * The timers of a keyed operator: at most one per key, timestamp and time domain. They are keyed
 * state (a {@code MapState} of timestamps per key and domain), so checkpoints, restores and
 * rescaling carry them with their key groups like any other state. A heap queue per domain, built
 * again from that state on restore, says which fires next; a deleted timer leaves its queue entry
 * behind, which is skipped when its time comes. Task thread only.
 */
public final class KeyedTimerService<K> implements TimerService {
    /** What fires a timer: with its key set as the current key, and the element timestamp set for event time. */
    @FunctionalInterface
    public interface Target<K> {
        void onTimer(K key, long timestamp, TimeDomain domain) throws Exception;
    }

    private record Timer<K>(K key, long timestamp) implements Comparable<Timer<K>> {
        @Override
        public int compareTo(Timer<K> other) {
            return Long.compare(timestamp, other.timestamp);
        }
    }

    private final KeyedStateBackend<K> backend;
    private final ProcessingTimeService processingTime;
    private final ElementTimestamp elementTimestamp;
    private final Target<K> target;
    private final MapState<Long, Boolean> eventTimers;
    private final MapState<Long, Boolean> processingTimers;
    private final PriorityQueue<Timer<K>> eventQueue = new PriorityQueue<>();
    private final PriorityQueue<Timer<K>> processingQueue = new PriorityQueue<>();
    private long currentWatermark = Long.MIN_VALUE;
    /** The processing time the scheduled wake-up is for, or Long.MAX_VALUE when none is scheduled. */
    private long nextWakeUp = Long.MAX_VALUE;

    private ProcessingTimeService.Registration wakeUp;

    /**
     * @param name the operator's timer service name (Flink's {@code user-timers}); the state names
     *     derive from it
     */
    public KeyedTimerService(
            String name,
            KeyedStateBackend<K> backend,
            ProcessingTimeService processingTime,
            ElementTimestamp elementTimestamp,
            Target<K> target)
            throws Exception {
        this.backend = backend;
        this.processingTime = processingTime;
        this.elementTimestamp = elementTimestamp;
        this.target = target;
        String eventName = "_timer_state/event_" + name;
        String processingName = "_timer_state/processing_" + name;
        this.eventTimers = backend.getOrCreateState(new MapStateDescriptor<>(eventName, Long.class, Boolean.class));
        this.processingTimers =
                backend.getOrCreateState(new MapStateDescriptor<>(processingName, Long.class, Boolean.class));
        // restored timers: into the queues
        backend.forEachKey(eventName, key -> {
            for (Long timestamp : eventTimers.keys()) {
                eventQueue.add(new Timer<>(key, timestamp));
            }
        });
        backend.forEachKey(processingName, key -> {
            for (Long timestamp : processingTimers.keys()) {
                processingQueue.add(new Timer<>(key, timestamp));
            }
        });
        scheduleWakeUp();
    }

    @Override
    public long currentProcessingTime() {
        return processingTime.getCurrentProcessingTime();
    }

    @Override
    public long currentWatermark() {
        return currentWatermark;
    }

    @Override
    public void registerEventTimeTimer(long time) {
        register(eventTimers, eventQueue, time);
    }

    @Override
    public void registerProcessingTimeTimer(long time) {
        register(processingTimers, processingQueue, time);
        scheduleWakeUp();
    }

    @Override
    public void deleteEventTimeTimer(long time) {
        delete(eventTimers, time);
    }

    @Override
    public void deleteProcessingTimeTimer(long time) {
        delete(processingTimers, time);
    }

    private static void delete(MapState<Long, Boolean> timers, long time) {
        try {
            timers.remove(time);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot delete the timer at " + time, e);
        }
    }

    private void register(MapState<Long, Boolean> timers, PriorityQueue<Timer<K>> queue, long time) {
        K key = backend.getCurrentKey();
        if (key == null) {
            throw new IllegalStateException("A timer can only be set while a keyed record or timer is processed.");
        }
        try {
            if (!timers.contains(time)) {
                timers.put(time, Boolean.TRUE);
                queue.add(new Timer<>(key, time));
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot set the timer at " + time, e);
        }
    }

    /** Event time reached {@code watermark}: fires every event-time timer at or before it, in time order. */
    public void advanceWatermark(long watermark) throws Exception {
        currentWatermark = watermark;
        fire(eventTimers, eventQueue, watermark, TimeDomain.EVENT_TIME);
    }

    private void fire(MapState<Long, Boolean> timers, PriorityQueue<Timer<K>> queue, long upTo, TimeDomain domain)
            throws Exception {
        Timer<K> next;
        while ((next = queue.peek()) != null && next.timestamp() <= upTo) {
            queue.poll();
            backend.setCurrentKey(next.key());
            if (!timers.contains(next.timestamp())) {
                continue; // deleted, or a second entry of a timer set again after a delete
            }
            timers.remove(next.timestamp());
            if (domain == TimeDomain.EVENT_TIME) {
                elementTimestamp.set(next.timestamp());
            } else {
                elementTimestamp.clear();
            }
            target.onTimer(next.key(), next.timestamp(), domain);
        }
    }

    private void onProcessingTime(long time) throws Exception {
        nextWakeUp = Long.MAX_VALUE;
        wakeUp = null;
        fire(processingTimers, processingQueue, processingTime.getCurrentProcessingTime(), TimeDomain.PROCESSING_TIME);
        scheduleWakeUp();
    }

    /** One wake-up, for the earliest processing-time timer; moved earlier when an earlier one is set. */
    private void scheduleWakeUp() {
        Timer<K> head = processingQueue.peek();
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
}
