package io.floe.tools.miniyarn.testing;

import io.floe.tools.miniyarn.MiniHadoop;
import io.floe.tools.miniyarn.MiniHadoopSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One {@link MiniHadoop} for a test class (Hadoop takes some 15 s to start here):
 *
 * <pre>
 * &#64;RegisterExtension
 * static final MiniHadoopExtension HADOOP = new MiniHadoopExtension(MiniHadoopSettings.hdfsOnly());
 * ... HADOOP.hadoop().configuration() ...
 * </pre>
 *
 * Everything lives under {@code target/<test class>} (emptied first), and stays there after the run, for a look at the
 * container logs. The clusters start before the class's {@code @BeforeAll} methods and stop after its
 * {@code @AfterAll} ones.
 */
public final class MiniHadoopExtension implements BeforeAllCallback, AfterAllCallback {
    private static final Logger LOG = LoggerFactory.getLogger(MiniHadoopExtension.class);

    private final MiniHadoopSettings settings;
    private Path work;
    private MiniHadoop hadoop;

    public MiniHadoopExtension(MiniHadoopSettings settings) {
        this.settings = settings;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        work = Path.of("target", context.getRequiredTestClass().getSimpleName()).toAbsolutePath();
        deleteRecursively(work);
        Files.createDirectories(work);
        hadoop = MiniHadoop.start(work.resolve("data"), settings, LOG::info);
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (hadoop != null) {
            hadoop.close();
        }
    }

    public MiniHadoop hadoop() {
        if (hadoop == null) {
            throw new IllegalStateException("The mini clusters start before the test class's @BeforeAll methods");
        }
        return hadoop;
    }

    /** {@code target/<test class>}: the clusters' data is in {@code data/}; tests may write next to it. */
    public Path work() {
        return work;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> walk = Files.walk(dir)) {
                for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(path);
                }
            }
        }
    }
}
