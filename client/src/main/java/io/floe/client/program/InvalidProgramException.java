package io.floe.client.program;

/**
 * A jar that cannot be run as a program: missing, not a jar, no entry point, or an entry point
 * without {@code public static void main(String[])}. The message is one sentence for the user.
 */
public class InvalidProgramException extends Exception {
    private static final long serialVersionUID = 1L;

    public InvalidProgramException(String message) {
        super(message);
    }

    public InvalidProgramException(String message, Throwable cause) {
        super(message, cause);
    }
}
