package io.floe.examples;

import io.floe.api.StreamExecutionEnvironment;

/**
 * Upper-cases the lines a server sends and prints them, until the server closes the connection.
 * Try it with {@code nc -lk 9999} in another terminal:
 *
 * <pre>
 * floe run examples/SocketTextStreamUpperCase.jar [--hostname localhost] [--port 9999]
 * </pre>
 */
public final class SocketTextStreamUpperCase {
    private SocketTextStreamUpperCase() {}

    public static void main(String[] args) throws Exception {
        ExampleArguments arguments = ExampleArguments.parse(args);
        String host = arguments.get("hostname", "localhost");
        int port = Math.toIntExact(arguments.getLong("port", 9999));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.socketTextStream(host, port).map(s -> s.toUpperCase()).print();
        env.execute("RealTimeJob");
    }
}
