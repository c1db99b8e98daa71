package io.floe.runtime.execution;

import io.floe.runtime.operators.ChainedOperatorException;
import java.io.PrintWriter;
import java.io.StringWriter;

/** An exception as plain data, for RPC and REST: class name, message and printed stack trace. */
public record ErrorInfo(String className, String message, String stackTrace) {

    /** Captures the user's exception behind any chain wrapper. */
    public static ErrorInfo of(Throwable t) {
        Throwable cause = ChainedOperatorException.unwrap(t);
        if (cause instanceof SerializedThrowable remote) {
            return new ErrorInfo(
                    remote.getOriginalClassName(), remote.getOriginalMessage(), remote.getOriginalStackTrace());
        }
        StringWriter trace = new StringWriter();
        cause.printStackTrace(new PrintWriter(trace));
        return new ErrorInfo(cause.getClass().getName(), cause.getMessage(), trace.toString());
    }

    public SerializedThrowable toException() {
        return new SerializedThrowable(this);
    }

    @Override
    public String toString() {
        return message == null ? className : className + ": " + message;
    }
}
