package io.floe.runtime.operators.source;

import io.floe.runtime.operators.SourceOperator;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * {@code socketTextStream(host, port)}: connects as a client and emits one record per line until
 * the peer closes the connection. Cancelling closes the socket to unblock the read.
 */
public final class SocketTextSource extends SourceOperator<String> {
    private static final long serialVersionUID = 1L;
    private static final int CONNECT_TIMEOUT_MS = 10_000;
    private final String host;
    private final int port;
    private transient volatile Socket socket;

    public SocketTextSource(String host, int port) {
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("socketTextStream: port " + port + " is not between 1 and 65535.");
        }
        this.host = host;
        this.port = port;
    }

    @Override
    public void run() throws IOException {
        Socket s = new Socket();
        socket = s;
        try {
            s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
        } catch (IOException e) {
            throw new IOException(
                    "socketTextStream could not connect to " + host + ":" + port + " (" + e.getMessage()
                            + "); start the server first, e.g. 'nc -lk " + port + "'.",
                    e);
        }
        try (BufferedReader reader =
                new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (running && (line = reader.readLine()) != null) {
                synchronized (checkpointLock()) { // an idle socket: checkpoints are taken by another thread
                    output.collect(line);
                }
            }
        } catch (IOException e) {
            if (running) {
                throw e;
            }
        } finally {
            s.close();
        }
    }

    @Override
    public void cancel() {
        super.cancel();
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException ignored) {
                // closing only unblocks the reader; there is nothing else to do
            }
        }
    }

    @Override
    public boolean isBounded() {
        return false;
    }

    @Override
    public String describe() {
        return "socketTextStream(" + host + ":" + port + ")";
    }
}
