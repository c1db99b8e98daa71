package io.floe.runtime.jobgraph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.api.JobId;
import io.floe.runtime.types.JobVertexId;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A job's operators may only use classes its jars or Floe hold. The user class here is compiled
 * into a jar of its own, so it is on no classpath but that jar's.
 */
class UserCodeValidatorTest {
    @TempDir
    static Path work;

    static Path userJar;
    static byte[] chainUsingUserClass;

    @BeforeAll
    static void compileAUserJar() throws Exception {
        Path sources = Files.createDirectories(work.resolve("src/acme"));
        Files.writeString(
                sources.resolve("Tokenizer.java"),
                "package acme; public class Tokenizer implements java.io.Serializable { public int maxTokens = 8; }");
        Path classes = Files.createDirectories(work.resolve("classes"));
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertEquals(
                0,
                compiler.run(
                        null,
                        null,
                        null,
                        "-d",
                        classes.toString(),
                        sources.resolve("Tokenizer.java").toString()));
        userJar = work.resolve("job.jar");
        try (JarOutputStream jar = new JarOutputStream(Files.newOutputStream(userJar))) {
            jar.putNextEntry(new JarEntry("acme/Tokenizer.class"));
            jar.write(Files.readAllBytes(classes.resolve("acme/Tokenizer.class")));
            jar.closeEntry();
        }
        try (URLClassLoader loader =
                new URLClassLoader(new URL[] {userJar.toUri().toURL()}, null)) {
            Object tokenizer =
                    loader.loadClass("acme.Tokenizer").getConstructor().newInstance();
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
                out.writeObject(List.of("chain", tokenizer));
            }
            chainUsingUserClass = bytes.toByteArray();
        }
    }

    static JobGraph graphOf(byte[] chain) {
        JobVertex vertex = new JobVertex(
                new JobVertexId("00000000000000000000000000000001"),
                "tokenize",
                1,
                128,
                true,
                0,
                chain,
                JobVertex.DEFAULT_SLOT_SHARING_GROUP,
                List.of());
        return new JobGraph(JobId.generate(), "job", false, List.of(vertex), List.of(), List.of(), Map.of());
    }

    @Test
    void aJobWithTheJarThatHoldsItsClassesPasses() {
        UserCodeValidator.validate(graphOf(chainUsingUserClass), Map.of("job.jar", userJar));
    }

    @Test
    void aJobWithoutItsJarIsRefusedNamingVertexAndClass() {
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> UserCodeValidator.validate(graphOf(chainUsingUserClass), Map.of()));
        assertEquals(
                "The job graph's vertices[0] ('tokenize') uses class acme.Tokenizer, which is neither in the job's "
                        + "jars [] nor in Floe; submit the jar that holds it.",
                refused.getMessage());
    }

    @Test
    void aJarThatIsNoJarIsRefusedByItsName() throws IOException {
        Path garbage = Files.writeString(work.resolve("garbage.jar"), "PK not really", StandardCharsets.US_ASCII);
        IllegalArgumentException refused = assertThrows(
                IllegalArgumentException.class,
                () -> UserCodeValidator.validate(
                        graphOf(chainUsingUserClass), Map.of("job.jar", userJar, "extra.jar", garbage)));
        assertTrue(refused.getMessage().startsWith("The job jar 'extra.jar' is no jar file ("), refused.getMessage());
    }

    @Test
    void operatorsTheReaderCannotFollowAreLeftToTheTasks() {
        UserCodeValidator.validate(graphOf(new byte[] {1, 2, 3}), Map.of());
    }
}
