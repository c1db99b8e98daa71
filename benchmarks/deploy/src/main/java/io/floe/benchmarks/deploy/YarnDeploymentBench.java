package io.floe.benchmarks.deploy;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One round of the deployment benchmark in a fresh JVM: starts a MiniDFSCluster and a
 * MiniYARNCluster here ({@link MiniClusters}), deploys Floe through its {@code YarnClusterDescriptor}
 * as D1 → D2 → D2-warm → D3 → D4 ({@link Scenarios}), prints one {@code RESULT} line per scenario
 * (and {@code TIMELINE} lines from the container logs), makes sure no container is left, and exits
 * without the mini clusters' slow clean stop. {@code benchmarks/run-deploy.sh} runs the rounds.
 *
 * <pre>
 * java --add-opens... -cp target/classes:$(cat target/classpath.txt) io.floe.benchmarks.deploy.YarnDeploymentBench \
 *   --tinyjob=target/floe-benchmarks-deploy-VERSION-tinyjob.jar --framework-classpath=target/framework.classpath \
 *   [--scenarios=D1,D2,D3,D4] [--round=1] [--base=/tmp/floe-deploy-bench] [--nms=2] [--nm-mb=4096] [--jm=768m]
 *   [--tm=1024m] [--min-alloc-mb=256] [--poll-ms=50] [--keep-container-dirs=false] [--timeline=true]
 *   [--floe-conf=key:value,...] [--hadoop-classpath=cluster|ship]
 * </pre>
 */
public final class YarnDeploymentBench {
    private static final Logger LOG = LoggerFactory.getLogger(YarnDeploymentBench.class);

    private YarnDeploymentBench() {}

    public static void main(String[] args) throws Exception {
        long started = System.nanoTime();
        // Jersey and Guice in YARN's web apps log through java.util.logging
        java.util.logging.LogManager.getLogManager().reset();
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.SEVERE);
        BenchArguments arguments;
        Path tinyJobJar;
        String frameworkClasspath;
        try {
            arguments = new BenchArguments(args);
            tinyJobJar = arguments.existingFile(
                    "tinyjob", "build the module: mvn -B package -DskipTests -pl benchmarks/deploy -am");
            frameworkClasspath = Files.readString(arguments.existingFile(
                            "framework-classpath",
                            "build the module: mvn -B package -DskipTests -pl benchmarks/deploy -am"))
                    .trim();
        } catch (IllegalArgumentException e) {
            System.err.println("YarnDeploymentBench: " + e.getMessage());
            System.exit(1);
            return;
        }
        PrintStream out = System.out;
        LOG.info("Deployment bench round {} with {}", arguments.get("round"), Arrays.toString(args));
        int exitCode = 0;
        MiniClusters clusters = null;
        try {
            clusters = MiniClusters.start(arguments, frameworkClasspath);
            progress(
                    out,
                    started,
                    "mini clusters up (MiniDFS + MiniYARN, " + arguments.get("nms") + " NodeManagers x "
                            + arguments.get("nm-mb") + " MB); framework classpath "
                            + frameworkMegabytes(frameworkClasspath)
                            + " MB; base " + clusters.base);
            Scenarios scenarios = new Scenarios(clusters, arguments, tinyJobJar, frameworkClasspath, out);
            if (arguments.runs("D1") || arguments.runs("D2")) {
                scenarios.session(arguments.runs("D2"));
            }
            if (arguments.runs("D3")) {
                scenarios.perJob();
            }
            if (arguments.runs("D4")) {
                scenarios.application();
            }
        } catch (Exception | Error e) {
            LOG.error("The round failed", e);
            out.println("FAILED " + e);
            exitCode = 2;
        } finally {
            if (clusters != null) {
                try {
                    progress(out, started, "containers still running: " + clusters.killLeftovers());
                } catch (Exception e) {
                    LOG.error("Could not check for leftover containers", e);
                    exitCode = 2;
                }
            }
        }
        progress(out, started, "done");
        // the mini clusters' threads would keep the JVM alive; their clean stop takes some 35 s
        System.exit(exitCode);
    }

    private static String frameworkMegabytes(String classpath) {
        long bytes = 0;
        for (String entry : classpath.split(";")) {
            try {
                bytes += Files.isRegularFile(Path.of(entry)) ? Files.size(Path.of(entry)) : 0;
            } catch (java.io.IOException e) {
                // size is informational
            }
        }
        return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
    }

    private static void progress(PrintStream out, long started, String message) {
        out.println(String.format(Locale.ROOT, "[%7.1fs] %s", (System.nanoTime() - started) / 1e9, message));
        out.flush();
    }
}
