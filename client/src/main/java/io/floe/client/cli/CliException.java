package io.floe.client.cli;

/**
 * A problem the user can fix (a flag, a file, a key), reported as its message alone on stderr and
 * ended with {@link #exitCode()}.
 */
public class CliException extends Exception {
    private static final long serialVersionUID = 1L;
    private final int exitCode;

    public CliException(String message) {
        this(message, ExitCode.USAGE, null);
    }

    public CliException(String message, int exitCode, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    public int exitCode() {
        return exitCode;
    }
}
