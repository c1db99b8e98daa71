package io.floe.client.rest;

/** No connection to the REST endpoint: the cluster is down, or the address or port is wrong. */
public class ClusterUnreachableException extends RestClientException {
    private static final long serialVersionUID = 1L;

    public ClusterUnreachableException(String message, Throwable cause) {
        super(message, cause);
    }
}
