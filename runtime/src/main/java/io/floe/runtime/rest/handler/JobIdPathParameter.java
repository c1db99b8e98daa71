package io.floe.runtime.rest.handler;

import io.floe.api.JobId;
import java.util.Locale;

/** Reads the {@code :jobid} path parameter; a value that is not 32 hex digits is a 400. */
public final class JobIdPathParameter {
    /** The parameter's name in path templates. */
    public static final String NAME = "jobid";

    private JobIdPathParameter() {}

    public static JobId from(HandlerRequest request) {
        String value = request.pathParameter(NAME);
        if (!value.matches("[0-9a-fA-F]{32}")) {
            throw RestHandlerException.badRequest("Invalid job id '" + value + "': a job id is 32 hex digits.");
        }
        return new JobId(value.toLowerCase(Locale.ROOT));
    }
}
