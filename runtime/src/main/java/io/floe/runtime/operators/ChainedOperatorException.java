package io.floe.runtime.operators;

/**
 * Carries a checked exception of a user function through {@link Output#collect}, which cannot
 * throw one; the task unwraps it so the job fails with the user's own exception.
 */
public final class ChainedOperatorException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public ChainedOperatorException(Exception cause) {
        super(cause);
    }

    /** The user's exception behind any number of chain wrappers. */
    public static Throwable unwrap(Throwable t) {
        while (t instanceof ChainedOperatorException && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
