package io.floe.yarn;

/**
 * A container's main class for {@link ContainerCommandTest}: exits with the code of its argument,
 * after a fatal error report unless that is 0. A class of its own, since a nested class's {@code $}
 * would be expanded by the shell that runs the command.
 */
public final class ExitingMain {
    private ExitingMain() {}

    public static void main(String[] args) {
        int code = Integer.parseInt(args[0]);
        if (code != 0) {
            System.err.println("an earlier line");
            io.floe.runtime.process.FatalErrorReport.print(
                    "Could not start the TaskManager", new java.net.BindException("taken"), System.err);
        }
        System.exit(code);
    }
}
