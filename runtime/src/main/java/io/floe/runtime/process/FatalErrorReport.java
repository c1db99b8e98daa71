package io.floe.runtime.process;

import java.io.PrintStream;
import java.util.HashSet;
import java.util.Set;

/**
 * What a cluster process that gives up prints to its stderr as its last words: one line naming what
 * failed and the exception, then one {@code Caused by:} line per cause, without stack frames (the
 * log has those). On YARN the container's launch command copies the end of its stderr to where the
 * NodeManager reads a failed container's diagnostics, so these lines reach the client and the
 * ApplicationMaster ({@code ContainerDiagnostics} there picks the first).
 */
public final class FatalErrorReport {
    private static final int MAX_CAUSES = 5;

    private FatalErrorReport() {}

    /**
     * Prints the report of {@code error} to {@code err}, e.g. "Could not start the TaskManager:
     * java.net.BindException: ...". A bad argument or setting (an {@link IllegalArgumentException})
     * is a user's mistake whose message says it all: it goes without its class name.
     */
    public static void print(String what, Throwable error, PrintStream err) {
        boolean usersMistake = error instanceof IllegalArgumentException && error.getMessage() != null;
        StringBuilder report = new StringBuilder(what).append(": ").append(usersMistake ? error.getMessage() : error);
        Set<Throwable> seen = new HashSet<>();
        seen.add(error);
        int causes = 0;
        for (Throwable cause = error.getCause();
                cause != null && seen.add(cause) && causes < MAX_CAUSES;
                cause = cause.getCause(), causes++) {
            report.append(System.lineSeparator()).append("Caused by: ").append(cause);
        }
        err.println(report);
        err.flush();
    }
}
