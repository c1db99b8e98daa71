package io.floe.client.program;

import io.floe.api.JobExecutionException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The program's {@code main} ended with an exception. {@link #getCause()} is what {@code main}
 * threw (never the reflection wrapper around it).
 */
public class ProgramInvocationException extends Exception {
    private static final long serialVersionUID = 1L;

    public ProgramInvocationException(String mainClassName, Throwable thrownByMain) {
        super("The main() method of " + mainClassName + " threw " + thrownByMain, thrownByMain);
    }

    /**
     * The failure of a job the program ran, if that is why {@code main} ended: the first
     * {@link JobExecutionException} in the cause chain, however the program wrapped it.
     */
    public Optional<JobExecutionException> findJobFailure() {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = getCause(); t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            if (t instanceof JobExecutionException jobFailure) {
                return Optional.of(jobFailure);
            }
        }
        return Optional.empty();
    }
}
