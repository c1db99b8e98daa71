package io.floe.runtime.dispatcher;

import io.floe.api.JobId;
import io.floe.runtime.rpc.RemoteRpcException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/** A job was submitted whose id the Dispatcher already has (Flink's name); REST answers it with 409. */
public class DuplicateJobSubmissionException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    public DuplicateJobSubmissionException(JobId jobId) {
        super("Job " + jobId
                + " was submitted already; a job id is submitted once (submit the job again to get a new one).");
    }

    /** Whether {@code failure} is this refusal: here, wrapped by a future, or by class name across RPC. */
    public static boolean isCauseOf(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause instanceof DuplicateJobSubmissionException
                || cause instanceof RemoteRpcException remote
                        && DuplicateJobSubmissionException.class.getName().equals(remote.getRemoteClassName());
    }
}
