package io.floe.benchmarks.deploy;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Where a scenario's time went, from the container logs: for each {@code jobmanager.log} and
 * {@code taskmanager.log} of the application, its first line (the JVM is up and logging) and the
 * first line of each milestone, as seconds since the scenario's clock started. Printed as
 * {@code TIMELINE <scenario> +<s> <role> <container> <what>} lines after the scenario, untimed.
 * Client and containers share this machine's wall clock, so the offsets line up to a few ms.
 */
final class ContainerLogTimeline {
    private static final DateTimeFormatter LOG_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss,SSS", Locale.ROOT);

    /** Milestones by the text of the log line that marks them; the first match of each counts. */
    static final List<String> JOB_MANAGER_MILESTONES = List.of(
            "Starting the",
            "REST endpoint",
            "Registered the ApplicationMaster",
            "Registered application",
            "Received job",
            "Requested a TaskManager container",
            "Starting TaskManager in container",
            "Registered TaskManager",
            "switched from SCHEDULED to DEPLOYING",
            "switched from RUNNING to FINISHED",
            "Job ",
            "Unregistering application");

    static final List<String> TASK_MANAGER_MILESTONES =
            List.of("Starting", "Registered at", "Registered with", "Received task", "FINISHED");

    private final Path yarnWorkDir;
    private final PrintStream out;

    ContainerLogTimeline(Path yarnWorkDir, PrintStream out) {
        this.yarnWorkDir = yarnWorkDir;
        this.out = out;
    }

    /** Prints the application's milestones relative to {@code startWallMillis}; missing logs print nothing. */
    void print(String scenario, String applicationId, long startWallMillis) {
        try {
            for (Path log : logsOf(applicationId)) {
                String role = log.getFileName().toString().replace(".log", "");
                String container = log.getParent().getFileName().toString();
                List<String> milestones = role.equals("jobmanager") ? JOB_MANAGER_MILESTONES : TASK_MANAGER_MILESTONES;
                for (String line : milestoneLines(Files.readAllLines(log, StandardCharsets.UTF_8), milestones)) {
                    long at = wallMillis(line) - startWallMillis;
                    out.println(String.format(
                            Locale.ROOT,
                            "TIMELINE %s %+.3f %s %s %s",
                            scenario,
                            at / 1000.0,
                            role,
                            shortContainer(container),
                            message(line)));
                }
            }
        } catch (IOException | RuntimeException e) {
            out.println("TIMELINE " + scenario + " unavailable: " + e);
        }
    }

    private List<Path> logsOf(String applicationId) throws IOException {
        if (!Files.isDirectory(yarnWorkDir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(yarnWorkDir)) {
            return files.filter(p -> p.toString().contains(applicationId))
                    .filter(p -> p.getFileName().toString().equals("jobmanager.log")
                            || p.getFileName().toString().equals("taskmanager.log"))
                    .sorted(Comparator.comparing(
                            p -> p.getParent().getFileName().toString()))
                    .toList();
        }
    }

    /** The first line, then the first line containing each milestone, in the log's order. */
    static List<String> milestoneLines(List<String> lines, List<String> milestones) {
        List<String> picked = new ArrayList<>();
        List<String> pending = new ArrayList<>(milestones);
        for (String line : lines) {
            if (line.length() < 23 || !Character.isDigit(line.charAt(0))) {
                continue; // a stack trace or a continued message
            }
            if (picked.isEmpty()) {
                picked.add(line);
                continue;
            }
            for (String milestone : pending) {
                if (line.contains(milestone)) {
                    picked.add(line);
                    pending.remove(milestone);
                    break;
                }
            }
        }
        return picked;
    }

    static long wallMillis(String line) {
        return LocalDateTime.parse(line.substring(0, 23), LOG_TIME)
                .atZone(ZoneId.systemDefault())
                .toInstant()
                .toEpochMilli();
    }

    /** The message after the logger name: {@code <time> <LEVEL> [thread] logger - message}. */
    static String message(String line) {
        int dash = line.indexOf(" - ");
        String text = dash < 0 ? line.substring(23) : line.substring(dash + 3);
        return text.length() > 140 ? text.substring(0, 140) + "..." : text;
    }

    private static String shortContainer(String container) {
        int lastUnderscore = container.lastIndexOf('_');
        return lastUnderscore < 0 ? container : "c" + container.substring(lastUnderscore + 1);
    }
}
