package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.yarn.api.records.ApplicationId;

/**
 * Finds the YARN session a command means: {@code yarn.application.id} when set, else the one the
 * {@link YarnPropertiesFile} names; and the REST address of its running cluster.
 */
public final class YarnSessionLookup {
    private YarnSessionLookup() {}

    /** The session's application id, from the configuration or the properties file. */
    public static Optional<String> applicationId(Configuration configuration) {
        if (configuration.contains(YarnConfigOptions.APPLICATION_ID)) {
            return Optional.of(configuration.get(YarnConfigOptions.APPLICATION_ID));
        }
        return YarnPropertiesFile.of(configuration).applicationId();
    }

    /**
     * The running cluster of {@code applicationId}.
     *
     * @throws IllegalArgumentException for a malformed id, or an application that is not a running
     *     cluster (naming the properties file when the id came from there)
     */
    public static YarnClusterDescriptor.DeployedCluster retrieve(
            String applicationId, Configuration configuration, Map<String, String> environment) throws Exception {
        ApplicationId id;
        try {
            id = ApplicationId.fromString(applicationId.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + applicationId + "' is not a YARN application id "
                    + "(application_<cluster timestamp>_<number>)");
        }
        try (YarnClusterDescriptor descriptor = new YarnClusterDescriptor(
                configuration, HadoopConfigurationLoader.load(configuration, environment), line -> {})) {
            return descriptor.retrieve(id);
        } catch (IllegalArgumentException e) {
            // the locator copies the file's id into yarn.application.id, so compare with the file itself
            YarnPropertiesFile properties = YarnPropertiesFile.of(configuration);
            boolean fromFile =
                    properties.applicationId().filter(applicationId::equals).isPresent();
            throw new IllegalArgumentException(
                    e.getMessage()
                            + (fromFile
                                    ? " (named by " + properties.path()
                                            + ", left by an earlier yarn-session.sh: delete it or start a new session)"
                                    : ""),
                    e);
        }
    }
}
