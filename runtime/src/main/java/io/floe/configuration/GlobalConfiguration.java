package io.floe.configuration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Map;

/**
 * Loads {@code config.yaml} from a configuration directory. Nested YAML maps and dotted keys are
 * both accepted and flattened ({@code taskmanager: {numberOfTaskSlots: 2}} is
 * {@code taskmanager.numberOfTaskSlots: 2}), lists become ';'-separated values, as in Flink.
 */
public final class GlobalConfiguration {
    public static final String CONFIG_FILE = "config.yaml";
    /** Environment variable naming the configuration directory. */
    public static final String ENV_CONF_DIR = "FLOE_CONF_DIR";

    private GlobalConfiguration() {}

    /** Reads {@code confDir/config.yaml}; a directory without one gives an empty configuration. */
    public static Configuration loadConfiguration(Path confDir) {
        Path file = confDir.resolve(CONFIG_FILE);
        Configuration configuration = new Configuration();
        if (!Files.exists(file)) {
            return configuration;
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            if (root != null && !root.isNull() && !root.isMissingNode()) {
                if (!root.isObject()) {
                    throw new IllegalConfigurationException(file + " must hold a map of keys to values.");
                }
                flatten("", root, configuration);
            }
        } catch (IOException e) {
            throw new IllegalConfigurationException("Cannot read " + file + ": " + e.getMessage(), e);
        }
        return configuration;
    }

    private static void flatten(String prefix, JsonNode node, Configuration into) {
        Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            String key = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(key, value, into);
            } else if (value.isArray()) {
                StringBuilder joined = new StringBuilder();
                value.forEach(
                        v -> joined.append(joined.length() == 0 ? "" : ";").append(v.asText()));
                into.setString(key, joined.toString());
            } else if (!value.isNull()) {
                into.setString(key, value.asText());
            }
        }
    }
}
