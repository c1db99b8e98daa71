package io.floe.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.runtime.execution.SerializedThrowable;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** A user function that throws fails the job, and the client sees the user's exception. */
class JobFailureITCase {

    @Test
    void runtimeExceptionOfAMapFunctionReachesTheClient() {
        StreamExecutionEnvironment env =
                StreamExecutionEnvironment.getExecutionEnvironment().setParallelism(2);
        env.fromSequence(1, 1000)
                .map(x -> {
                    if (x == 500) {
                        throw new IllegalStateException("boom at " + x);
                    }
                    return x;
                })
                .addSink(x -> {});
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing job"));
        assertEquals(JobStatus.FAILED, e.getStatus());
        SerializedThrowable cause = assertInstanceOf(SerializedThrowable.class, e.getCause());
        assertEquals("java.lang.IllegalStateException: boom at 500", cause.toString());
    }

    @Test
    void checkedExceptionOfAChainedSinkKeepsItsClass() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.fromElements("a", "b", "c").addSink(value -> {
            if (value.equals("b")) {
                throw new IOException("disk full while writing " + value);
            }
        });
        JobExecutionException e = assertThrows(JobExecutionException.class, () -> env.execute("failing sink"));
        assertEquals(
                "java.io.IOException: disk full while writing b", e.getCause().toString());
    }
}
