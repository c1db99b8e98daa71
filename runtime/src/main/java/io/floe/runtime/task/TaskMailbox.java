package io.floe.runtime.task;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.BooleanSupplier;

/**
 * Checkpoint work that arrives from other threads (a trigger, a completion or abort notice) and
 * must run where the operators run: on the task's thread, or under a source's checkpoint lock.
 * Any thread puts; whoever may touch the operators runs the mails, in order.
 */
final class TaskMailbox {
    /** One piece of work for the operators. */
    interface Mail {
        void run() throws Exception;

        /** The task ended before the mail ran (a trigger declines here). */
        default void discard() {}
    }

    private final ConcurrentLinkedQueue<Mail> mails = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;

    /** What runs the queued mail where the operators may be touched (under a source's lock, say). */
    interface Runner {
        void runAll() throws Exception;
    }

    /** @return false if the task has ended: the mail was discarded */
    boolean put(Mail mail) {
        mails.add(mail);
        if (closed) {
            discardAll(); // close() may have drained before the add
            return false;
        }
        synchronized (this) {
            notifyAll(); // a task waiting in runUntil
        }
        return true;
    }

    /**
     * Runs mail through {@code runner} as it comes until {@code done} holds. For a task that has
     * reached the end of its input and waits for its final checkpoint.
     *
     * @throws InterruptedException if the task is cancelled while waiting
     */
    void runUntil(BooleanSupplier done, Runner runner) throws Exception {
        while (true) {
            runner.runAll();
            if (done.getAsBoolean()) {
                return;
            }
            synchronized (this) {
                if (mails.isEmpty() && !done.getAsBoolean()) {
                    wait(100); // done may be set by mail another thread ran
                }
            }
        }
    }

    boolean isEmpty() {
        return mails.isEmpty();
    }

    /** Runs every queued mail; the caller owns the operators. */
    void runAll() throws Exception {
        Mail mail;
        while ((mail = mails.poll()) != null) {
            mail.run();
        }
    }

    /** The task ended: mails queued now or later are discarded. */
    void close() {
        closed = true;
        discardAll();
    }

    private void discardAll() {
        List<Mail> left = new ArrayList<>();
        Mail mail;
        while ((mail = mails.poll()) != null) {
            left.add(mail);
        }
        left.forEach(Mail::discard);
    }
}
