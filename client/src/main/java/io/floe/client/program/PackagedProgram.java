package io.floe.client.program;

import io.floe.api.StreamExecutionEnvironment;
import io.floe.configuration.Configuration;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;
import java.util.zip.ZipException;

/**
 * A program in a jar, ready to run: the jar's own class loader (parent-first, with Floe's classes
 * as parent), the entry point class and its {@code main} method, and the arguments.
 *
 * <p>{@link #invoke(Configuration)} runs {@code main} on the calling thread, the way a launcher
 * does: the configuration becomes the program's context (what
 * {@link StreamExecutionEnvironment#getExecutionEnvironment()} returns) and the jar's class loader
 * the thread's context class loader; both are reset afterwards. Close the program to release the
 * jar.
 */
public final class PackagedProgram implements AutoCloseable {
    private final Path jar;
    private final String mainClassName;
    private final List<String> arguments;
    private final URLClassLoader classLoader;
    private final Method mainMethod;

    private PackagedProgram(
            Path jar, String mainClassName, List<String> arguments, URLClassLoader classLoader, Method mainMethod) {
        this.jar = jar;
        this.mainClassName = mainClassName;
        this.arguments = List.copyOf(arguments);
        this.classLoader = classLoader;
        this.mainMethod = mainMethod;
    }

    /**
     * Opens a jar as a program.
     *
     * @param jarFile the job jar
     * @param entryPoint the main class, or null to take the manifest's {@code Main-Class}
     * @param arguments the program's arguments
     * @param parent the class loader that provides Floe's API to the program
     * @throws InvalidProgramException naming what is wrong with the jar or its entry point
     */
    public static PackagedProgram fromJar(Path jarFile, String entryPoint, List<String> arguments, ClassLoader parent)
            throws InvalidProgramException {
        Path jar = jarFile.toAbsolutePath().normalize();
        if (!Files.exists(jar)) {
            throw new InvalidProgramException("Job jar not found: " + jar);
        }
        if (!Files.isRegularFile(jar)) {
            throw new InvalidProgramException("Job jar is not a file: " + jar);
        }
        String manifestMainClass = readManifestMainClass(jar);
        String mainClassName = entryPoint != null ? entryPoint : manifestMainClass;
        if (mainClassName == null) {
            throw new InvalidProgramException(
                    jar + " has no Main-Class in its manifest; name the entry point with -c <class>");
        }
        URLClassLoader classLoader =
                new URLClassLoader("floe-job " + jar.getFileName(), new URL[] {toUrl(jar)}, parent);
        try {
            Class<?> mainClass = loadMainClass(classLoader, mainClassName, jar, entryPoint != null);
            return new PackagedProgram(jar, mainClassName, arguments, classLoader, findMain(mainClass));
        } catch (InvalidProgramException | RuntimeException | Error e) {
            closeQuietly(classLoader, e);
            throw e;
        }
    }

    public Path getJar() {
        return jar;
    }

    public String getMainClassName() {
        return mainClassName;
    }

    public List<String> getArguments() {
        return arguments;
    }

    /** The loader of the program's classes; valid until {@link #close()}. */
    public ClassLoader getClassLoader() {
        return classLoader;
    }

    /**
     * Runs the program's {@code main} on this thread and returns when it returns.
     *
     * @param configuration what the program's execution environment starts from
     * @throws ProgramInvocationException with what {@code main} (or its class's initializer) threw
     */
    public void invoke(Configuration configuration) throws ProgramInvocationException {
        Thread thread = Thread.currentThread();
        ClassLoader previousContextLoader = thread.getContextClassLoader();
        StreamExecutionEnvironment.setContextConfiguration(configuration);
        thread.setContextClassLoader(classLoader);
        try {
            mainMethod.invoke(null, (Object) arguments.toArray(new String[0]));
        } catch (InvocationTargetException e) {
            throw new ProgramInvocationException(mainClassName, e.getCause() != null ? e.getCause() : e);
        } catch (ExceptionInInitializerError e) {
            throw new ProgramInvocationException(mainClassName, e.getCause() != null ? e.getCause() : e);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException("main() of " + mainClassName + " was made accessible but is not", e);
        } finally {
            thread.setContextClassLoader(previousContextLoader);
            StreamExecutionEnvironment.clearContextConfiguration();
        }
    }

    @Override
    public void close() throws IOException {
        classLoader.close();
    }

    private static String readManifestMainClass(Path jar) throws InvalidProgramException {
        try (JarFile jarFile = new JarFile(jar.toFile())) {
            Manifest manifest = jarFile.getManifest();
            String value =
                    manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            return value == null || value.isBlank() ? null : value.trim();
        } catch (ZipException e) {
            throw new InvalidProgramException("Not a jar file: " + jar, e);
        } catch (IOException e) {
            throw new InvalidProgramException("Cannot read job jar " + jar + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> loadMainClass(ClassLoader loader, String name, Path jar, boolean namedWithOption)
            throws InvalidProgramException {
        try {
            // Not initialized here: static initializers are the program's code and run in invoke().
            return Class.forName(name, false, loader);
        } catch (ClassNotFoundException e) {
            throw new InvalidProgramException(
                    namedWithOption
                            ? "Class " + name + " (-c) not found in " + jar
                            : "Main-Class " + name + " of " + jar + " is not in the jar",
                    e);
        } catch (LinkageError e) {
            throw new InvalidProgramException("Cannot load " + name + " from " + jar + ": " + e, e);
        }
    }

    private static Method findMain(Class<?> mainClass) throws InvalidProgramException {
        Method main;
        try {
            main = mainClass.getMethod("main", String[].class);
        } catch (NoSuchMethodException e) {
            main = null;
        } catch (LinkageError e) {
            throw new InvalidProgramException("Cannot load " + mainClass.getName() + ": " + e, e);
        }
        if (main == null || !Modifier.isStatic(main.getModifiers()) || main.getReturnType() != void.class) {
            throw new InvalidProgramException(mainClass.getName() + " has no public static void main(String[]) method");
        }
        // As the java launcher does, accept a main class that is not itself public.
        main.setAccessible(true);
        return main;
    }

    private static URL toUrl(Path jar) throws InvalidProgramException {
        try {
            return jar.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new InvalidProgramException("Cannot use " + jar + " as a class path entry: " + e.getMessage(), e);
        }
    }

    private static void closeQuietly(URLClassLoader loader, Throwable primary) {
        try {
            loader.close();
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }
}
