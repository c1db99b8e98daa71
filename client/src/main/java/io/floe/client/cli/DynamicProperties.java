package io.floe.client.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.Option;
import org.apache.commons.cli.Options;

/**
 * The {@code -D key=value} option of every Floe command ({@code floe run}, {@code floe list}/{@code cancel}, {@code
 * yarn-session.sh}), defined and parsed once. The parsing is Floe's own rather than commons-cli's value separator,
 * which would take {@code -Dkey} without a value as {@code key=true} instead of naming the mistake.
 */
public final class DynamicProperties {
    private DynamicProperties() {}

    /** The {@code -D} option; {@code description} says what the keys set for this command. */
    public static Option option(String description) {
        return Option.builder("D")
                .hasArg()
                .argName("key=value")
                .desc(description)
                .build();
    }

    /** {@code -D} values as an ordered map (a later key wins); a value without '=' is named in the error. */
    public static Map<String, String> parse(String[] values) throws CliException {
        Map<String, String> properties = new LinkedHashMap<>();
        for (String pair : values == null ? new String[0] : values) {
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new CliException("Option -D needs key=value, not '" + pair + "'");
            }
            properties.put(
                    pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return properties;
    }

    /**
     * Turns {@code -Dkey=value} into {@code -D key=value} in the flags before the jar, because
     * commons-cli reads {@code -Dkey=value} as a flag named {@code Dkey}. The program's own
     * arguments are left alone.
     */
    public static String[] splitAttached(String[] arguments, Options options) {
        List<String> result = new ArrayList<>();
        int i = 0;
        while (i < arguments.length) {
            String token = arguments[i];
            if (!token.startsWith("-") || token.equals("-") || token.equals("--")) {
                break;
            }
            i++;
            if (token.startsWith("-D") && token.length() > 2) {
                result.add("-D");
                result.add(token.substring(2));
                continue;
            }
            result.add(token);
            Option option = options.getOption(token.replaceFirst("^--?", ""));
            boolean valueAttached = token.startsWith("--") && token.contains("=");
            if (option != null && option.hasArg() && !valueAttached && i < arguments.length) {
                result.add(arguments[i++]);
            }
        }
        result.addAll(Arrays.asList(arguments).subList(i, arguments.length));
        return result.toArray(new String[0]);
    }
}
