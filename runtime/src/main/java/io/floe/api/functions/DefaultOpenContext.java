package io.floe.api.functions;

/** The {@link OpenContext} the runtime passes; for tests that call {@code open} themselves. */
public final class DefaultOpenContext implements OpenContext {
    public static final DefaultOpenContext INSTANCE = new DefaultOpenContext();

    private DefaultOpenContext() {}
}
