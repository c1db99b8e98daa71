package io.floe.runtime.rest;

import io.floe.runtime.rest.handler.UploadedFiles;
import io.netty.handler.codec.http.HttpMethod;
import java.util.Map;

/**
 * A request read to its end by {@link RestRequestReader}, on its way to the {@link RoutingHandler}.
 * Holds either the raw body or, for multipart requests, the form fields and the uploaded files,
 * which the receiver must delete.
 */
record ReceivedRequest(
        HttpMethod method,
        String uri,
        boolean keepAlive,
        byte[] body,
        Map<String, String> formFields,
        UploadedFiles uploadedFiles) {}
