package io.floe.runtime.entrypoint;

import io.floe.configuration.Configuration;
import io.floe.configuration.GlobalConfiguration;
import io.floe.configuration.IllegalConfigurationException;
import java.nio.file.Path;

/**
 * The configuration of a cluster process: {@code config.yaml} of the configuration directory,
 * overridden by {@code -D key=value} arguments, validated (unknown keys and bad values name the key).
 */
public final class ClusterConfigurationLoader {
    private ClusterConfigurationLoader() {}

    /** The configuration directory from {@code FLOE_CONF_DIR}, else {@code ./conf}. */
    public static Path configurationDirectory() {
        String dir = System.getenv(GlobalConfiguration.ENV_CONF_DIR);
        return Path.of(dir != null && !dir.isBlank() ? dir : "conf");
    }

    public static Configuration load(Path confDir, String[] args) {
        Configuration configuration = GlobalConfiguration.loadConfiguration(confDir);
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            String pair;
            if (arg.equals("-D") && i + 1 < args.length) {
                pair = args[++i];
            } else if (arg.startsWith("-D")) {
                pair = arg.substring(2);
            } else {
                throw new IllegalConfigurationException(
                        "Unexpected argument '" + arg + "'; only -D key=value is accepted.");
            }
            int equals = pair.indexOf('=');
            if (equals <= 0) {
                throw new IllegalConfigurationException("Bad -D option '" + pair + "': expected key=value.");
            }
            configuration.setString(
                    pair.substring(0, equals).trim(), pair.substring(equals + 1).trim());
        }
        return configuration.validate();
    }
}
