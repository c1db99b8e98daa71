package io.floe.runtime.rest.router;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A path such as {@code /jobs/:jobid/status}: literal segments and {@code :name} parameters, each
 * standing for exactly one segment. Immutable.
 */
public final class PathTemplate {
    private final String pattern;
    private final List<String> segments;
    private final int literalSegments;

    private PathTemplate(String pattern, List<String> segments) {
        this.pattern = pattern;
        this.segments = segments;
        this.literalSegments =
                (int) segments.stream().filter(s -> !isParameter(s)).count();
    }

    /** Parses a template; fails on a relative path, an empty parameter name or a repeated one. */
    public static PathTemplate parse(String pattern) {
        if (pattern == null || !pattern.startsWith("/")) {
            throw new IllegalArgumentException("A path template starts with '/', not '" + pattern + "'.");
        }
        List<String> segments = split(pattern);
        Set<String> names = new HashSet<>();
        for (String segment : segments) {
            if (isParameter(segment) && (segment.length() == 1 || !names.add(segment.substring(1)))) {
                throw new IllegalArgumentException(
                        "Path template '" + pattern + "' has an empty or repeated parameter '" + segment + "'.");
            }
        }
        // normalized, so that "/jobs/" and "/jobs" are the same template
        return new PathTemplate("/" + String.join("/", segments), Collections.unmodifiableList(segments));
    }

    /** Splits a path into its non-empty segments, so {@code /jobs/} and {@code /jobs} are the same. */
    static List<String> split(String path) {
        List<String> segments = new ArrayList<>();
        for (String segment : path.split("/")) {
            if (!segment.isEmpty()) {
                segments.add(segment);
            }
        }
        return segments;
    }

    /** The parameter values when the (already split and decoded) path fits this template. */
    Optional<Map<String, String>> match(List<String> pathSegments) {
        if (pathSegments.size() != segments.size()) {
            return Optional.empty();
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (int i = 0; i < segments.size(); i++) {
            String segment = segments.get(i);
            if (isParameter(segment)) {
                parameters.put(segment.substring(1), pathSegments.get(i));
            } else if (!segment.equals(pathSegments.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(Collections.unmodifiableMap(parameters));
    }

    /** More literal segments make a template more specific: {@code /jobs/overview} beats {@code /jobs/:jobid}. */
    int literalSegments() {
        return literalSegments;
    }

    private static boolean isParameter(String segment) {
        return segment.startsWith(":");
    }

    /** The normalized pattern, e.g. {@code /jobs/:jobid}. */
    @Override
    public String toString() {
        return pattern;
    }
}
