package io.floe.runtime.rpc;

/**
 * The address of one endpoint, written {@code host:port/endpointId}. IPv6 hosts are written in
 * brackets ({@code [::1]:6123/dispatcher}).
 */
public record RpcAddress(String host, int port, String endpointId) {

    public RpcAddress {
        if (host == null || host.isEmpty()) {
            throw new IllegalArgumentException("RPC address needs a host, got '" + host + "'");
        }
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("RPC address port must be within 1..65535, was " + port);
        }
        if (endpointId == null || endpointId.isEmpty()) {
            throw new IllegalArgumentException("RPC address needs an endpoint id, got '" + endpointId + "'");
        }
    }

    /** Parses {@code host:port/endpointId}; fails with IllegalArgumentException naming the text. */
    public static RpcAddress parse(String address) {
        if (address == null) {
            throw new IllegalArgumentException("RPC address must not be null");
        }
        int slash = address.indexOf('/');
        int colon = slash < 0 ? -1 : address.lastIndexOf(':', slash);
        if (slash < 0 || colon < 0) {
            throw new IllegalArgumentException(
                    "RPC address must look like host:port/endpointId, was '" + address + "'");
        }
        String host = address.substring(0, colon);
        if (host.startsWith("[") && host.endsWith("]")) {
            host = host.substring(1, host.length() - 1);
        }
        int port;
        try {
            port = Integer.parseInt(address.substring(colon + 1, slash));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("RPC address has no numeric port: '" + address + "'", e);
        }
        return new RpcAddress(host, port, address.substring(slash + 1));
    }

    public static String format(String host, int port, String endpointId) {
        String printedHost = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
        return printedHost + ":" + port + "/" + endpointId;
    }

    /** Returns {@code host:port}, the key of the connection that carries calls to this address. */
    public String hostAndPort() {
        return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
    }

    @Override
    public String toString() {
        return format(host, port, endpointId);
    }
}
