package io.floe.runtime.classloading;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Loads a job's classes and resources from its jars first, and from the parent only what the
 * jars lack, except for names that start with a parent-first pattern (the engine and the
 * libraries it shares with user code), which always come from the parent first, so that the
 * engine and the job agree on those types.
 *
 * <p>Patterns are prefixes of binary class names ({@code "io.floe."}); for resources the same
 * prefix is matched with '/' in place of '.'. Defaults: {@link #DEFAULT_PARENT_FIRST_PATTERNS},
 * like Flink's {@code classloader.parent-first-patterns.default}.
 *
 * <p>Thread-safe and registered as parallel capable. After {@link #close()} classes already
 * loaded keep working, but nothing new can be loaded from the jars.
 */
public final class ChildFirstClassLoader extends URLClassLoader {
    /** Packages that must be one and the same for the engine and user code. */
    public static final List<String> DEFAULT_PARENT_FIRST_PATTERNS = List.of(
            "java.",
            "javax.",
            "jdk.",
            "sun.",
            "io.floe.",
            "org.slf4j.",
            "org.apache.logging.log4j.",
            "org.apache.hadoop.");

    static {
        ClassLoader.registerAsParallelCapable();
    }

    private final List<String> parentFirstPatterns;
    private final List<String> parentFirstResourcePatterns;

    /** A loader with {@link #DEFAULT_PARENT_FIRST_PATTERNS}. */
    public ChildFirstClassLoader(URL[] jars, ClassLoader parent) {
        this(jars, parent, DEFAULT_PARENT_FIRST_PATTERNS);
    }

    /**
     * @param jars the job's jars (or class directories)
     * @param parent the engine's class loader
     * @param parentFirstPatterns class-name prefixes always loaded parent-first
     */
    public ChildFirstClassLoader(URL[] jars, ClassLoader parent, List<String> parentFirstPatterns) {
        super(jars, parent);
        if (parentFirstPatterns == null || parentFirstPatterns.stream().anyMatch(p -> p == null || p.isBlank())) {
            throw new IllegalArgumentException(
                    "The parent-first patterns must be non-blank prefixes, not " + parentFirstPatterns + ".");
        }
        this.parentFirstPatterns = List.copyOf(parentFirstPatterns);
        this.parentFirstResourcePatterns =
                this.parentFirstPatterns.stream().map(p -> p.replace('.', '/')).toList();
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                if (isParentFirst(name, parentFirstPatterns)) {
                    return super.loadClass(name, resolve);
                }
                try {
                    loaded = findClass(name);
                } catch (ClassNotFoundException notInJars) {
                    return super.loadClass(name, resolve);
                }
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    @Override
    public URL getResource(String name) {
        if (isParentFirst(name, parentFirstResourcePatterns)) {
            return super.getResource(name);
        }
        URL own = findResource(name);
        return own != null ? own : super.getResource(name);
    }

    /** The jars' resources before the parent's (the parent's first for parent-first names). */
    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
        if (isParentFirst(name, parentFirstResourcePatterns)) {
            return super.getResources(name);
        }
        List<URL> resources = new ArrayList<>(Collections.list(findResources(name)));
        // compare by text: URL.equals may resolve host names
        Set<String> own = new HashSet<>();
        resources.forEach(url -> own.add(url.toExternalForm()));
        // the parent's (or the bootstrap loader's) resources, then ours again: skip ours
        for (URL url : Collections.list(super.getResources(name))) {
            if (!own.contains(url.toExternalForm())) {
                resources.add(url);
            }
        }
        return Collections.enumeration(resources);
    }

    private static boolean isParentFirst(String name, List<String> patterns) {
        for (String pattern : patterns) {
            if (name.startsWith(pattern)) {
                return true;
            }
        }
        return false;
    }
}
