package io.floe.tools.miniyarn;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.concurrent.CountDownLatch;
import sun.misc.Signal;

/**
 * {@code run <dir>}: starts the embedded HDFS and YARN with their files under {@code <dir>/data},
 * writes the client's site files to {@code <dir>/conf}, then announces readiness with
 * {@code <dir>/ready} (written last, atomically; {@code key=value} lines that {@code mini-yarn.sh
 * status} prints) and runs until SIGTERM or SIGINT, when it stops YARN and HDFS and removes the
 * marker.
 *
 * <p>The signal only wakes the main thread, which stops the clusters while the JVM is fully alive.
 * Stopping them from a shutdown hook instead would race Hadoop's own hooks (which close the shared
 * FileSystem instances) and log4j's (which ends logging), so the stop would go unlogged or fail.
 */
final class RunCommand {
    static final String READY_FILE = "ready";

    private final Path dir;
    private final PrintStream console;
    private final CountDownLatch stopRequested = new CountDownLatch(1);

    RunCommand(Path dir, PrintStream console) {
        this.dir = dir;
        this.console = console;
    }

    int run() throws IOException, InterruptedException {
        Path ready = dir.resolve(READY_FILE);
        Files.deleteIfExists(ready);
        Files.createDirectories(dir);
        for (String name : new String[] {"TERM", "INT"}) {
            Signal.handle(new Signal(name), signal -> stopRequested.countDown());
        }
        try (MiniHadoop hadoop = MiniHadoop.start(dir.resolve("data"), MiniHadoopSettings.defaults(), this::progress)) {
            Path confDir = dir.resolve("conf");
            HadoopSiteFiles.write(hadoop.configuration(), confDir);
            writeReadyFile(ready, hadoop, confDir);
            progress("Ready: HADOOP_CONF_DIR=" + confDir);
            stopRequested.await();
            progress("Stopping YARN (and the containers still running) and HDFS");
            Files.deleteIfExists(ready);
        }
        progress("Stopped");
        return 0;
    }

    private void writeReadyFile(Path ready, MiniHadoop hadoop, Path confDir) throws IOException {
        String text = "pid=" + ProcessHandle.current().pid() + "\n"
                + "hadoop.conf.dir=" + confDir + "\n"
                + "hdfs=" + hadoop.hdfsUri() + "\n"
                + "yarn.web=" + hadoop.resourceManagerWebUi() + "\n"
                + "container.logs=" + String.join(",", hadoop.containerLogDirs()) + "\n";
        Path temporary = dir.resolve(READY_FILE + ".tmp");
        Files.writeString(temporary, text);
        Files.move(temporary, ready, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private void progress(String line) {
        console.println(line);
        console.flush();
    }
}
