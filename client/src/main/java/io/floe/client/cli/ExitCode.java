package io.floe.client.cli;

/** The exit codes of {@code floe}, as listed in {@code floe --help}. */
public final class ExitCode {
    /** The command did what was asked; for {@code run}, the program's main() returned. */
    public static final int SUCCESS = 0;
    /** Bad usage or input: unknown flag, missing jar, no main class, bad configuration, unknown target. */
    public static final int USAGE = 1;
    /** The program ran and failed: its job ended FAILED, or its main() threw. */
    public static final int PROGRAM_FAILED = 2;
    /** The cluster could not be reached, or refused the request (for example: unknown job id). */
    public static final int CLUSTER_ERROR = 3;

    private ExitCode() {}
}
