package io.floe.client.cli;

import io.floe.configuration.Configuration;
import io.floe.configuration.GlobalConfiguration;
import io.floe.configuration.IllegalConfigurationException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads {@code config.yaml} from the directory named by {@code FLOE_CONF_DIR} (the {@code floe}
 * script sets it to the distribution's {@code conf/}); without that variable, Floe's defaults
 * apply. The file's keys are checked here, so a typo in it is reported with the file's name.
 */
public final class ConfigurationLoader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigurationLoader.class);

    private ConfigurationLoader() {}

    public static Configuration load(Map<String, String> environment) throws CliException {
        String directory = environment.get(GlobalConfiguration.ENV_CONF_DIR);
        if (directory == null || directory.isBlank()) {
            LOG.info("{} is not set; using the default configuration", GlobalConfiguration.ENV_CONF_DIR);
            return new Configuration();
        }
        Path confDir = Path.of(directory).toAbsolutePath();
        if (!Files.isDirectory(confDir)) {
            throw new CliException("Configuration directory not found: " + confDir + " (from "
                    + GlobalConfiguration.ENV_CONF_DIR + ")");
        }
        Path file = confDir.resolve(GlobalConfiguration.CONFIG_FILE);
        try {
            Configuration configuration =
                    GlobalConfiguration.loadConfiguration(confDir).validate();
            LOG.info("Loaded {} ({} keys)", file, configuration.toMap().size());
            return configuration;
        } catch (IllegalConfigurationException e) {
            String message = e.getMessage().contains(file.toString()) ? e.getMessage() : file + ": " + e.getMessage();
            throw new CliException(message, ExitCode.USAGE, e);
        }
    }
}
