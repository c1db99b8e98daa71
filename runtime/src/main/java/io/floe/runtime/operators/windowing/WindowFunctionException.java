package io.floe.runtime.operators.windowing;

/** A window function failed: names the operator, the key and the window, with the function's exception as cause. */
public final class WindowFunctionException extends Exception {
    private static final long serialVersionUID = 1L;

    WindowFunctionException(String operator, Object key, Object window, Exception cause) {
        super("The window function of " + operator + " failed on " + window + " of key " + key + ": " + cause, cause);
    }
}
