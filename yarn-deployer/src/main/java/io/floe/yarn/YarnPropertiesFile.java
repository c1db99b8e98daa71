package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The file that names the user's running YARN session, {@code .yarn-properties-<user>} in
 * {@code yarn.properties-file.location} (default: the temp directory), as Flink keeps it:
 * {@code yarn-session.sh} writes it, a plain {@code floe run} (and {@code list}, {@code cancel})
 * goes to the session it names, stopping the session removes it.
 */
public final class YarnPropertiesFile {
    private static final Logger LOG = LoggerFactory.getLogger(YarnPropertiesFile.class);
    static final String APPLICATION_ID_KEY = "applicationID";

    private final Path file;

    public YarnPropertiesFile(Path file) {
        this.file = file;
    }

    public static YarnPropertiesFile of(Configuration configuration) {
        String dir =
                configuration.get(YarnConfigOptions.PROPERTIES_FILE_LOCATION, System.getProperty("java.io.tmpdir"));
        return new YarnPropertiesFile(Path.of(dir, ".yarn-properties-" + System.getProperty("user.name")));
    }

    public Path path() {
        return file;
    }

    /** The application id it names, or empty when there is no (readable) file. */
    public Optional<String> applicationId() {
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        Properties properties = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(in);
        } catch (IOException e) {
            LOG.warn("Cannot read the YARN properties file {}; ignoring it", file, e);
            return Optional.empty();
        }
        return Optional.ofNullable(properties.getProperty(APPLICATION_ID_KEY))
                .map(String::trim)
                .filter(id -> !id.isEmpty());
    }

    public void write(String applicationId) throws IOException {
        Properties properties = new Properties();
        properties.setProperty(APPLICATION_ID_KEY, applicationId);
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            properties.store(out, "The running Floe YARN session (written by yarn-session.sh)");
        }
    }

    /** Deletes the file if it still names {@code applicationId} (another session may have replaced it). */
    public void deleteIfNames(String applicationId) {
        if (applicationId().filter(applicationId::equals).isPresent()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("Cannot delete the YARN properties file {}", file, e);
            }
        }
    }
}
