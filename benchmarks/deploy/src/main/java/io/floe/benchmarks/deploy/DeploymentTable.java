package io.floe.benchmarks.deploy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table {@code benchmarks/run-deploy.sh} prints from the RESULT lines of all rounds (Floe's D*
 * and, with {@code --compare-flink}, the anchor's B* tagged {@code engine=flink}): per scenario
 * the median seconds of each engine, the ratio Floe/Flink (the target is at most 1/3), the ratio
 * to the anchor's published medians, and then one line per round with the CPU that other
 * processes burnt meanwhile ({@code ROUND} lines). {@code java ... DeploymentTable <results file>}.
 */
public final class DeploymentTable {
    /** Scenario, what it measures, the anchor's label, and Flink 1.20.1's published median (anchor README). */
    private record Scenario(String label, String description, String flinkLabel, double flinkReference) {}

    private static final List<Scenario> SCENARIOS = List.of(
            new Scenario("D1", "session: deploy call -> REST answers", "B1", 11.520),
            new Scenario("D2", "tiny job on the session, cold TM: submit -> result", "B2", 13.109),
            new Scenario("D2-warm", "the same job again, TM reused", "B2-warm", 0.463),
            new Scenario("D3", "per-job attached: deploy call -> result", "B3", 23.701),
            new Scenario("D4", "application mode: deploy call -> FINISHED", "B4", 23.861));

    private final Map<String, List<Double>> floe = new LinkedHashMap<>();
    private final Map<String, List<Double>> flink = new LinkedHashMap<>();
    private final List<String> rounds = new ArrayList<>();

    /** Reads RESULT lines ({@code engine=flink} marks the anchor's) and ROUND lines; ignores the rest. */
    void addLines(List<String> lines) {
        for (String line : lines) {
            if (ScenarioResult.isResultLine(line)) {
                ScenarioResult result = ScenarioResult.parse(line);
                boolean isFlink = result.field("engine", "floe").equals("flink");
                String label = isFlink ? floeLabelOf(result.scenario()) : result.scenario();
                (isFlink ? flink : floe)
                        .computeIfAbsent(label, k -> new ArrayList<>())
                        .add(result.seconds());
            } else if (line.startsWith("ROUND ")) {
                rounds.add(line.substring("ROUND ".length()));
            }
        }
    }

    private static String floeLabelOf(String flinkLabel) {
        for (Scenario scenario : SCENARIOS) {
            if (scenario.flinkLabel().equals(flinkLabel)) {
                return scenario.label();
            }
        }
        return flinkLabel;
    }

    String format() {
        boolean withFlink = !flink.isEmpty();
        List<String[]> rows = new ArrayList<>();
        rows.add(
                withFlink
                        ? new String[] {
                            "scenario",
                            "what",
                            "Floe median s",
                            "runs",
                            "Flink median s",
                            "runs",
                            "Floe/Flink",
                            "Flink ref s",
                            "Floe/ref"
                        }
                        : new String[] {"scenario", "what", "Floe median s", "runs", "Flink ref s", "Floe/ref"});
        for (Scenario scenario : SCENARIOS) {
            List<Double> floeRuns = floe.getOrDefault(scenario.label(), List.of());
            List<Double> flinkRuns = flink.getOrDefault(scenario.label(), List.of());
            double floeMedian = median(floeRuns);
            double flinkMedian = median(flinkRuns);
            List<String> row = new ArrayList<>(List.of(
                    scenario.label(), scenario.description(), figure(floeMedian), String.valueOf(floeRuns.size())));
            if (withFlink) {
                row.addAll(
                        List.of(figure(flinkMedian), String.valueOf(flinkRuns.size()), ratio(floeMedian, flinkMedian)));
            }
            row.addAll(List.of(figure(scenario.flinkReference()), ratio(floeMedian, scenario.flinkReference())));
            rows.add(row.toArray(new String[0]));
        }
        StringBuilder out = new StringBuilder(layout(rows));
        out.append("Floe/Flink: below 0.33 meets the target (a third of Flink's time); 'Flink ref' is the anchor's "
                + "published 6-round median (Flink 1.20.1, same machine, earlier).\n");
        if (!rounds.isEmpty()) {
            out.append("\nrounds (foreign_cpu_s: CPU seconds other processes used during the round):\n");
            rounds.forEach(round -> out.append("  ").append(round).append('\n'));
        }
        return out.toString();
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }

    private static String figure(double seconds) {
        return Double.isNaN(seconds) ? "-" : String.format(Locale.ROOT, "%.3f", seconds);
    }

    private static String ratio(double floeSeconds, double flinkSeconds) {
        return Double.isNaN(floeSeconds) || Double.isNaN(flinkSeconds)
                ? "-"
                : String.format(Locale.ROOT, "%.2f", floeSeconds / flinkSeconds);
    }

    private static String layout(List<String[]> rows) {
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int r = 0; r < rows.size(); r++) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < rows.get(r).length; i++) {
                String cell = rows.get(r)[i];
                String padding = " ".repeat(widths[i] - cell.length());
                line.append(i == 0 ? "" : "  ").append(i < 2 ? cell + padding : padding + cell);
            }
            out.append(line.toString().stripTrailing()).append('\n');
            if (r == 0) {
                out.append("-".repeat(line.length())).append('\n');
            }
        }
        return out.toString();
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1) {
            System.err.println("usage: DeploymentTable <results file with RESULT and ROUND lines>");
            System.exit(1);
        }
        DeploymentTable table = new DeploymentTable();
        table.addLines(Files.readAllLines(Path.of(args[0])));
        System.out.print(table.format());
    }
}
