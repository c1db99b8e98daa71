package io.floe.client.cli;

/** One verb of the {@code floe} command line ({@code floe <name> ...}). */
interface Command {
    /** The verb, as typed after {@code floe}. */
    String name();

    /** One line for {@code floe --help}: what the command does and its synopsis. */
    String summary();

    /**
     * Runs the command on the caller's thread.
     *
     * @param arguments what followed the verb
     * @return the exit code ({@link ExitCode})
     * @throws CliException for the user's mistakes; the caller prints the message
     */
    int run(String[] arguments) throws CliException;
}
