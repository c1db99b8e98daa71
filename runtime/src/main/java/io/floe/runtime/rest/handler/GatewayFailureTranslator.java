package io.floe.runtime.rest.handler;

import io.floe.runtime.dispatcher.DuplicateJobSubmissionException;
import io.floe.runtime.rpc.RemoteRpcException;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns the failure of a handler's future into the status and message the client sees.
 *
 * <p>The Dispatcher answers an unknown job id with an {@link IllegalArgumentException} whose
 * message says the job "is not known"; across RPC it arrives as a {@link RemoteRpcException}
 * naming that class. Both become 404 with the Dispatcher's message; a job id submitted twice
 * ({@link DuplicateJobSubmissionException}) is 409. A
 * {@link RestHandlerException} keeps its status; anything else is a 500 carrying the failure's
 * message (never its stack trace). Stateless and thread-safe.
 */
public final class GatewayFailureTranslator {
    private static final String UNKNOWN_JOB_MARKER = "is not known";

    private GatewayFailureTranslator() {}

    public static RestHandlerException translate(Throwable failure) {
        Throwable cause = unwrap(failure);
        if (cause instanceof RestHandlerException known) {
            return known;
        }
        if (isUnknownJob(cause)) {
            return new RestHandlerException(HttpResponseStatus.NOT_FOUND, cause.getMessage(), cause);
        }
        if (DuplicateJobSubmissionException.isCauseOf(cause)) {
            return new RestHandlerException(HttpResponseStatus.CONFLICT, cause.getMessage(), cause);
        }
        return new RestHandlerException(HttpResponseStatus.INTERNAL_SERVER_ERROR, describe(cause), cause);
    }

    private static boolean isUnknownJob(Throwable cause) {
        String message = cause.getMessage();
        if (message == null || !message.contains(UNKNOWN_JOB_MARKER)) {
            return false;
        }
        if (cause instanceof RemoteRpcException remote) {
            return IllegalArgumentException.class.getName().equals(remote.getRemoteClassName());
        }
        return cause instanceof IllegalArgumentException;
    }

    private static String describe(Throwable cause) {
        // toString() names the class when the message alone would be meaningless (e.g. a bare NPE)
        return cause.getMessage() != null ? cause.getMessage() : cause.toString();
    }

    static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while ((cause instanceof CompletionException || cause instanceof ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }
}
