package io.floe.configuration;

import java.util.List;

/**
 * A module's configuration options, found with {@link java.util.ServiceLoader} (a
 * {@code META-INF/services/io.floe.configuration.ConfigOptionsProvider} entry), so the
 * engine knows, say, the YARN deployer's keys wherever that module is on the classpath without
 * naming it.
 */
public interface ConfigOptionsProvider {
    /** The classes whose public static {@link ConfigOption} fields are the module's options. */
    List<Class<?>> optionClasses();
}
