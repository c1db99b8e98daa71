package io.floe.client.deployment;

/**
 * Where a running cluster's REST API is, and the credential its calls that change it need.
 *
 * @param authorization the {@code Authorization} header value; null if the client has none
 */
public record ClusterEndpoint(String host, int port, String authorization) {}
