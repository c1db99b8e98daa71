package io.floe.yarn;

import io.floe.client.cli.CliFrontend;
import io.floe.yarn.cli.YarnSessionCli;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

/**
 * Runs {@code floe} and {@code yarn-session.sh} in this JVM as a user would run them, with the
 * given environment (such as {@code FLOE_CONF_DIR}), and captures what they print.
 */
final class CommandLines {
    private CommandLines() {}

    record Result(int exitCode, String out, String err) {}

    /** {@code floe <args>}; what the executors print to System.out is captured too (and still shown). */
    static Result floe(Map<String, String> environment, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        PrintStream captured = new PrintStream(out, true, StandardCharsets.UTF_8);
        System.setOut(new PrintStream(new TeeStream(captured, stdout), true, StandardCharsets.UTF_8));
        try {
            int code = new CliFrontend(
                            captured,
                            new PrintStream(err, true, StandardCharsets.UTF_8),
                            environment,
                            () -> Set.of("local", "remote", "yarn-session", "yarn-per-job", "yarn-application"))
                    .run(args);
            return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
        }
    }

    /** {@code yarn-session.sh <args>} reading {@code in} (null: an empty stdin). */
    static Result yarnSession(Map<String, String> environment, InputStream in, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = new YarnSessionCli(
                        new PrintStream(out, true, StandardCharsets.UTF_8),
                        new PrintStream(err, true, StandardCharsets.UTF_8),
                        in != null ? in : new ByteArrayInputStream(new byte[0]),
                        environment)
                .run(args);
        return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Writes to both streams, so captured output also shows in the test log. */
    private static final class TeeStream extends OutputStream {
        private final OutputStream first;
        private final OutputStream second;

        TeeStream(OutputStream first, OutputStream second) {
            this.first = first;
            this.second = second;
        }

        @Override
        public void write(int b) throws IOException {
            first.write(b);
            second.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            first.write(b, off, len);
            second.write(b, off, len);
        }
    }
}
