package io.floe.yarn.configuration;

import static org.junit.jupiter.api.Assertions.assertSame;

import io.floe.configuration.ConfigOptions;
import io.floe.configuration.Configuration;
import org.junit.jupiter.api.Test;

/** The runtime knows the YARN deployer's keys through its ServiceLoader entry, not by its name. */
class YarnConfigOptionsProviderTest {
    @Test
    void theRuntimeKnowsEveryYarnKey() throws Exception {
        for (var field : YarnConfigOptions.class.getFields()) {
            if (field.get(null) instanceof io.floe.configuration.ConfigOption<?> option) {
                assertSame(option, ConfigOptions.find(option.key()), option.key());
            }
        }
        new Configuration().setString("yarn.application.queue", "production").validate();
    }
}
