package io.floe.runtime.jobgraph;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarFile;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks, before a submitted job is stored, that its jars are jars and that every class its
 * operators refer to can be loaded from them or from Floe: a job sent without the jar that holds
 * its functions would otherwise fail in every task, and restart, until its restart strategy gives
 * up. Classes are loaded without being initialized, and no operator is deserialized: no code of
 * the job runs in the JobManager. Stateless.
 */
public final class UserCodeValidator {
    private static final Logger LOG = LoggerFactory.getLogger(UserCodeValidator.class);

    private UserCodeValidator() {}

    /**
     * @param jarsByName the job's jars by the names the client gave them
     * @throws IllegalArgumentException naming the jar that is none, or the vertex and the class that is missing
     */
    public static void validate(JobGraph graph, Map<String, Path> jarsByName) {
        for (Map.Entry<String, Path> jar : jarsByName.entrySet()) {
            try (JarFile ignored = new JarFile(jar.getValue().toFile())) {
                // it opens: a zip with a readable central directory
            } catch (IOException e) {
                throw new IllegalArgumentException("The job jar '" + jar.getKey() + "' is no jar file ("
                        + e.getMessage() + "); submit the jar your build produced.");
            }
        }
        try (URLClassLoader loader =
                new URLClassLoader(urls(jarsByName.values()), UserCodeValidator.class.getClassLoader())) {
            List<JobVertex> vertices = graph.vertices();
            for (int i = 0; i < vertices.size(); i++) {
                checkClasses(vertices.get(i), "vertices[" + i + "]", loader, jarsByName.keySet());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void checkClasses(JobVertex vertex, String field, ClassLoader loader, Set<String> jarNames) {
        Optional<Set<String>> classNames = SerializedClassNames.of(vertex.serializedChain());
        if (classNames.isEmpty()) {
            LOG.debug(
                    "Cannot list the classes of {} ('{}'); its tasks will find any that is missing",
                    field,
                    vertex.name());
            return;
        }
        for (String className : classNames.get()) {
            try {
                Class.forName(className, false, loader);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("The job graph's " + field + " ('" + vertex.name() + "') uses class "
                        + className + ", which is neither in the job's jars " + jarNames
                        + " nor in Floe; submit the jar that holds it.");
            } catch (LinkageError e) {
                throw new IllegalArgumentException(
                        "The job graph's " + field + " ('" + vertex.name() + "') uses class " + className
                                + ", which cannot be loaded from the job's jars " + jarNames + ": " + e.getMessage());
            }
        }
    }

    private static URL[] urls(Collection<Path> jars) {
        return jars.stream()
                .map(jar -> {
                    try {
                        return jar.toUri().toURL();
                    } catch (MalformedURLException e) {
                        throw new IllegalArgumentException("Cannot use the jar " + jar + ": " + e.getMessage(), e);
                    }
                })
                .toArray(URL[]::new);
    }
}
