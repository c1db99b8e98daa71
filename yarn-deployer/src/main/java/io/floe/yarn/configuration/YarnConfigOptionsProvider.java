package io.floe.yarn.configuration;

import io.floe.configuration.ConfigOptionsProvider;
import java.util.List;

/** Makes the YARN deployer's keys known wherever this module is on the classpath. */
public final class YarnConfigOptionsProvider implements ConfigOptionsProvider {
    @Override
    public List<Class<?>> optionClasses() {
        return List.of(YarnConfigOptions.class);
    }
}
