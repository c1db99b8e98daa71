package io.floe.yarn;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads YARN's diagnostics of a failed container for the line that says why it failed.
 *
 * <p>When a container exits non-zero, its NodeManager appends the end of its error files to the
 * diagnostics ("Error file: prelaunch.err. Last 4096 bytes of prelaunch.err : ...", sometimes
 * twice); Floe's launch command ({@link ContainerCommand}) copies the end of the JVM's stderr
 * there. Of that text, the first line that names an exception is the cause (a Floe process's
 * {@code FatalErrorReport} leads with one); failing that, the first line at all (a JVM that did not
 * start says "Unrecognized VM option ..." or "Error: Could not find or load main class ...").
 */
public final class ContainerDiagnostics {
    private static final Pattern ERROR_FILE_TAIL = Pattern.compile("Last \\d+ bytes of [^\\n]+ :\\n");
    /** Where the NodeManager's next diagnostics entry starts: "[2026-12-03 07:59:44.083]...". */
    private static final Pattern NEXT_ENTRY = Pattern.compile("\\n\\[\\d{4}-\\d{2}-\\d{2} ");

    private static final Pattern EXCEPTION = Pattern.compile("\\b([a-z][\\w$]*\\.)+[A-Z][\\w$]*(Exception|Error)\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s*(at |\\.\\.\\. \\d+ more)");
    private static final int MAX_LINE = 500;

    private ContainerDiagnostics() {}

    /** The line of {@code diagnostics} that says why the container failed; null if they hold no error output. */
    public static String cause(String diagnostics) {
        if (diagnostics == null) {
            return null;
        }
        String firstLine = null;
        Matcher tail = ERROR_FILE_TAIL.matcher(diagnostics);
        while (tail.find()) {
            Matcher next = NEXT_ENTRY.matcher(diagnostics);
            int end = next.find(tail.end()) ? next.start() : diagnostics.length();
            for (String line : diagnostics.substring(tail.end(), end).split("\\n")) {
                String text = line.strip();
                if (text.startsWith("For more detailed output")) {
                    break; // the application's diagnostics go on after the AM container's
                }
                if (text.isEmpty() || STACK_FRAME.matcher(text).find()) {
                    continue;
                }
                if (EXCEPTION.matcher(text).find()) {
                    return abbreviate(text);
                }
                if (firstLine == null) {
                    firstLine = text;
                }
            }
        }
        return firstLine == null ? null : abbreviate(firstLine);
    }

    private static String abbreviate(String line) {
        return line.length() <= MAX_LINE ? line : line.substring(0, MAX_LINE) + "...";
    }
}
