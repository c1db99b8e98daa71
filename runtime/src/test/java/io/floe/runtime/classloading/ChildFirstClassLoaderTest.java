package io.floe.runtime.classloading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.api.JobId;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Jars built at test time: {@code lib-1.jar} and {@code lib-2.jar} hold conflicting versions of
 * {@code com.example.lib.Version} (and an impostor {@code io.floe.api.JobId}); {@code lib-0.jar}
 * is on the parent loader, standing for a version the engine's classpath happens to carry.
 */
class ChildFirstClassLoaderTest {
    private static final String VERSION = "com.example.lib.Version";
    private static final String RESOURCE = "com/example/lib/version.txt";

    @TempDir
    static Path dir;

    private static Path jar1;
    private static Path jar2;
    private static URLClassLoader parent;

    @BeforeAll
    static void buildJars() throws IOException {
        jar1 = buildLibraryJar("1");
        jar2 = buildLibraryJar("2");
        parent = new URLClassLoader(
                new URL[] {buildLibraryJar("0").toUri().toURL()}, ChildFirstClassLoaderTest.class.getClassLoader());
    }

    @AfterAll
    static void closeParent() throws IOException {
        parent.close();
    }

    @Test
    void jobsWithConflictingVersionsOfALibraryLoadSideBySide() throws Exception {
        try (ChildFirstClassLoader job1 = loaderOf(jar1);
                ChildFirstClassLoader job2 = loaderOf(jar2)) {
            Class<?> version1 = job1.loadClass(VERSION);
            Class<?> version2 = job2.loadClass(VERSION);

            assertEquals("1", versionOf(version1));
            assertEquals("2", versionOf(version2));
            assertNotSame(version1, version2);
            assertSame(job1, version1.getClassLoader());
            assertSame(version1, Class.forName(VERSION, true, job1));
        }
    }

    @Test
    void whatTheJarLacksComesFromTheParent() throws Exception {
        try (ChildFirstClassLoader job = loaderOf(jar1)) {
            assertSame(
                    parent.loadClass("com.example.lib.OnlyOnTheEngineClasspath"),
                    job.loadClass("com.example.lib.OnlyOnTheEngineClasspath"));
            assertSame(String.class, job.loadClass("java.lang.String"));
        }
    }

    @Test
    void engineClassesAlwaysComeFromTheParent() throws Exception {
        try (ChildFirstClassLoader job = loaderOf(jar1)) {
            assertSame(JobId.class, job.loadClass("io.floe.api.JobId"));
            assertSame(org.slf4j.Logger.class, job.loadClass("org.slf4j.Logger"));
        }
    }

    @Test
    void configuredPatternsReplaceTheDefaults() throws Exception {
        try (ChildFirstClassLoader job = new ChildFirstClassLoader(urls(jar1), parent, List.of("com.example."))) {
            assertEquals("0", versionOf(job.loadClass(VERSION)));
            assertEquals("0", read(job.getResource(RESOURCE)));
        }
    }

    @Test
    void jarResourcesComeBeforeTheParents() throws Exception {
        try (ChildFirstClassLoader job = loaderOf(jar2)) {
            List<String> contents = new ArrayList<>();
            for (URL url : Collections.list(job.getResources(RESOURCE))) {
                contents.add(read(url));
            }

            assertEquals(List.of("2", "0"), contents);
            assertEquals("2", read(job.getResource(RESOURCE)));
            try (InputStream in = job.getResourceAsStream(RESOURCE)) {
                assertEquals("2", new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    @Test
    void closingReleasesTheJar() throws Exception {
        Path copy = Files.copy(jar1, dir.resolve("released.jar"));
        ChildFirstClassLoader job =
                new ChildFirstClassLoader(urls(copy), getClass().getClassLoader());
        Class<?> version = job.loadClass(VERSION);

        job.close();

        assertEquals("1", versionOf(version));
        assertThrows(ClassNotFoundException.class, () -> job.loadClass("com.example.lib.NotYetLoaded"));
        Files.delete(copy);
    }

    @Test
    void refusesBlankPatterns() {
        assertThrows(IllegalArgumentException.class, () -> new ChildFirstClassLoader(urls(jar1), parent, List.of("")));
    }

    private static ChildFirstClassLoader loaderOf(Path jar) throws IOException {
        return new ChildFirstClassLoader(urls(jar), parent);
    }

    private static URL[] urls(Path jar) {
        try {
            return new URL[] {jar.toUri().toURL()};
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private static String versionOf(Class<?> versionClass) throws Exception {
        return (String) versionClass.getMethod("get").invoke(null);
    }

    private static String read(URL url) throws IOException {
        try (InputStream in = url.openStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Compiles the library's version {@code version} and jars it with a resource. */
    private static Path buildLibraryJar(String version) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src-" + version));
        Path classes = Files.createDirectories(dir.resolve("classes-" + version));
        List<String> files = new ArrayList<>();
        files.add(write(
                sources,
                "com/example/lib/Version.java",
                "package com.example.lib; public class Version { public static String get() { return \"" + version
                        + "\"; } }"));
        files.add(write(
                sources, "com/example/lib/NotYetLoaded.java", "package com.example.lib; public class NotYetLoaded {}"));
        if (version.equals("0")) {
            files.add(write(
                    sources,
                    "com/example/lib/OnlyOnTheEngineClasspath.java",
                    "package com.example.lib; public class OnlyOnTheEngineClasspath {}"));
        } else {
            files.add(write(sources, "io/floe/api/JobId.java", "package io.floe.api; public class JobId {}"));
        }
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        List<String> arguments =
                new ArrayList<>(List.of("-d", classes.toString(), "--release", "17", "-classpath", classes.toString()));
        arguments.addAll(files);
        assertEquals(
                0,
                compiler.run(null, null, null, arguments.toArray(String[]::new)),
                "javac failed for version " + version);

        Path jar = dir.resolve("lib-" + version + ".jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
                Stream<Path> walk = Files.walk(classes)) {
            for (Path file : walk.filter(Files::isRegularFile).toList()) {
                addEntry(out, classes.relativize(file).toString().replace('\\', '/'), Files.readAllBytes(file));
            }
            addEntry(out, RESOURCE, version.getBytes(StandardCharsets.UTF_8));
        }
        return jar;
    }

    private static void addEntry(JarOutputStream out, String name, byte[] content) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(content);
        out.closeEntry();
    }

    private static String write(Path root, String relative, String content) throws IOException {
        Path file = root.resolve(relative);
        Files.createDirectories(file.getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(content.getBytes(StandardCharsets.UTF_8));
        }
        return file.toString();
    }
}
