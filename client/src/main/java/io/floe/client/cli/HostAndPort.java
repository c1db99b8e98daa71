package io.floe.client.cli;

/** A {@code host:port} given on the command line. */
record HostAndPort(String host, int port) {

    /** @throws CliException naming the flag when the value is not host:port with a port in 1..65535 */
    static HostAndPort parse(String value, String flag) throws CliException {
        int colon = value == null ? -1 : value.lastIndexOf(':');
        if (colon <= 0 || colon == value.length() - 1) {
            throw new CliException("Option " + flag + " needs host:port, not '" + value + "'");
        }
        try {
            int port = Integer.parseInt(value.substring(colon + 1));
            if (port >= 1 && port <= 65535) {
                return new HostAndPort(value.substring(0, colon), port);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new CliException("Option " + flag + " needs host:port with a port from 1 to 65535, not '" + value + "'");
    }
}
