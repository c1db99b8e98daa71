package io.floe.runtime.execution;

/**
 * An exception that travelled from another process: it keeps the original class name, message and
 * stack trace, so the client can show the user's exception even when its class is not loadable
 * here. {@link #toString()} reads like the original: {@code java.lang.IllegalStateException: boom}.
 */
public final class SerializedThrowable extends Exception {
    private static final long serialVersionUID = 1L;
    private final String originalClassName;
    private final String originalMessage;
    private final String originalStackTrace;

    public SerializedThrowable(ErrorInfo error) {
        super(error.message(), null, false, false);
        this.originalClassName = error.className();
        this.originalMessage = error.message();
        this.originalStackTrace = error.stackTrace();
    }

    public String getOriginalClassName() {
        return originalClassName;
    }

    public String getOriginalMessage() {
        return originalMessage;
    }

    /** The stack trace as printed where the exception was thrown. */
    public String getOriginalStackTrace() {
        return originalStackTrace;
    }

    @Override
    public String toString() {
        return originalMessage == null ? originalClassName : originalClassName + ": " + originalMessage;
    }
}
