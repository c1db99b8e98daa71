package io.floe.runtime.network;

import java.io.Serial;
import java.io.Serializable;

/**
 * Sent by a task on all its outputs when its input has ended and it will emit nothing more, with
 * checkpoints on (Flink's {@code EndOfData}, FLIP-147). The task does not finish yet: it waits for
 * a final checkpoint, whose barrier follows on the same channels. A task that has it on every
 * input channel ends its own input and passes it on, so one checkpoint, triggered once the sources
 * ended, is the final one of every task of a bounded job.
 */
public final class EndOfData extends RuntimeEvent implements Serializable {
    @Serial
    private static final long serialVersionUID = 1L;

    public static final EndOfData INSTANCE = new EndOfData();

    private EndOfData() {}

    @Serial
    private Object readResolve() {
        return INSTANCE;
    }

    @Override
    public String toString() {
        return "EndOfData";
    }
}
