package io.floe.client.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds small job jars for tests: Java sources compiled against the test class path (so the
 * programs can use Floe's API), with or without a {@code Main-Class}. The compiled classes exist
 * only in the jar, not on the test class path.
 */
public final class TestJars {
    private final Map<String, String> sources = new LinkedHashMap<>();
    private String mainClass;

    public static TestJars builder() {
        return new TestJars();
    }

    /** Adds a class given its fully qualified name and source. */
    public TestJars source(String className, String source) {
        sources.put(className, source);
        return this;
    }

    public TestJars mainClass(String className) {
        this.mainClass = className;
        return this;
    }

    /** Compiles the sources under {@code workDir} and writes the jar there as {@code fileName}. */
    public Path build(Path workDir, String fileName) throws IOException {
        Path sourceDir = Files.createDirectories(workDir.resolve(fileName + "-src"));
        Path classesDir = Files.createDirectories(workDir.resolve(fileName + "-classes"));
        List<String> compilerArgs = new ArrayList<>(List.of(
                "-d", classesDir.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"));
        for (Map.Entry<String, String> entry : sources.entrySet()) {
            Path file = sourceDir.resolve(entry.getKey().replace('.', '/') + ".java");
            Files.createDirectories(file.getParent());
            Files.writeString(file, entry.getValue());
            compilerArgs.add(file.toString());
        }
        if (!sources.isEmpty()) {
            compile(compilerArgs);
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        Path jar = workDir.resolve(fileName);
        try (OutputStream file = Files.newOutputStream(jar);
                JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> classes = Files.walk(classesDir)) {
            for (Path path : (Iterable<Path>) classes.filter(Files::isRegularFile)::iterator) {
                out.putNextEntry(
                        new JarEntry(classesDir.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static void compile(List<String> args) {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        if (compiler == null) {
            throw new IllegalStateException("Tests need a JDK (javax.tools.JavaCompiler) to build job jars");
        }
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        if (compiler.run(null, null, diagnostics, args.toArray(new String[0])) != 0) {
            throw new IllegalStateException(
                    "Test program does not compile:\n" + diagnostics.toString(StandardCharsets.UTF_8));
        }
    }

    private TestJars() {}
}
