package io.floe.runtime.rpc;

/**
 * The remote gateway method threw, or the future it returned failed. The remote exception is not
 * deserialized (its class may not even exist here); its class name, message and stack trace travel
 * as text.
 */
public class RemoteRpcException extends RpcException {

    private static final long serialVersionUID = 1L;

    private final String remoteClassName;
    private final String remoteStackTrace;

    /**
     * @param remoteClassName fully qualified class name of the remote exception
     * @param remoteMessage the remote exception's message, may be {@code null}
     * @param remoteStackTrace the remote stack trace as printed by {@code printStackTrace}
     */
    public RemoteRpcException(String remoteClassName, String remoteMessage, String remoteStackTrace) {
        super(remoteMessage);
        this.remoteClassName = remoteClassName;
        this.remoteStackTrace = remoteStackTrace;
    }

    /** Returns the fully qualified class name of the exception thrown remotely. */
    public String getRemoteClassName() {
        return remoteClassName;
    }

    /** Returns the remote stack trace, as printed on the remote side (may be empty). */
    public String getRemoteStackTrace() {
        return remoteStackTrace;
    }

    /** Returns {@code remoteClass: message}, like the remote exception's own {@code toString()}. */
    @Override
    public String toString() {
        String message = getMessage();
        return message == null ? remoteClassName : remoteClassName + ": " + message;
    }
}
