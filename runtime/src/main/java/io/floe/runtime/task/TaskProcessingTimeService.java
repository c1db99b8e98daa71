package io.floe.runtime.task;

import io.floe.runtime.operators.ProcessingTimeService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Processing-time callbacks of one task: a timer thread (started on first use) waits for each
 * time, then posts the callback as mail, which runs where the operators run, between records.
 */
final class TaskProcessingTimeService implements ProcessingTimeService {
    private final String taskName;
    private final Consumer<TaskMailbox.Mail> mailbox;
    private ScheduledThreadPoolExecutor timer;
    private boolean shutDown;

    TaskProcessingTimeService(String taskName, Consumer<TaskMailbox.Mail> mailbox) {
        this.taskName = taskName;
        this.mailbox = mailbox;
    }

    @Override
    public long getCurrentProcessingTime() {
        return System.currentTimeMillis();
    }

    @Override
    public synchronized Registration registerTimer(long time, Callback callback) {
        if (shutDown) {
            return () -> {};
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, runnable -> {
                Thread thread = new Thread(runnable, taskName + " timer");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        long delay = Math.max(0, time - getCurrentProcessingTime());
        Registered registered = new Registered();
        // a callback for time T runs once the clock is past T, as with Flink's +1 ms
        registered.future = timer.schedule(
                () -> mailbox.accept(() -> {
                    if (!registered.cancelled) {
                        callback.onProcessingTime(time);
                    }
                }),
                delay + 1,
                TimeUnit.MILLISECONDS);
        return registered;
    }

    /** Stops the timer thread; callbacks not yet run never run. */
    synchronized void shutdown() {
        shutDown = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    private static final class Registered implements Registration {
        private volatile boolean cancelled;
        private volatile ScheduledFuture<?> future;

        @Override
        public void cancel() {
            cancelled = true;
            ScheduledFuture<?> scheduled = future;
            if (scheduled != null) {
                scheduled.cancel(false);
            }
        }
    }
}
