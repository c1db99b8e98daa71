package io.floe.yarn;

import io.floe.configuration.Configuration;
import io.floe.yarn.configuration.YarnConfigOptions;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Step 1b of a deployment: the Hadoop settings the containers get. They are the client's site settings, without those
 * naming a class the containers cannot load (see {@link HadoopClassSettings}); the deployment fails, naming the
 * setting, if they need such a class. What the containers can load is what Floe ships ({@code lib/}). With {@code
 * yarn.hadoop-classpath: cluster} their Hadoop classes come from the NodeManagers instead, which the client cannot see:
 * then only the settings whose default is safe are left out when Floe's own Hadoop jars lack the class, and the
 * ApplicationMaster checks the rest itself.
 */
final class ContainerSiteSettings {
    private static final Logger LOG = LoggerFactory.getLogger(ContainerSiteSettings.class);

    private ContainerSiteSettings() {}

    /** @param console where warnings for the user go, besides the log */
    static org.apache.hadoop.conf.Configuration of(
            Configuration configuration,
            org.apache.hadoop.conf.Configuration clientSettings,
            HadoopClasspath hadoopClasspath,
            Consumer<String> console)
            throws IOException {
        org.apache.hadoop.conf.Configuration site = siteProperties(clientSettings);
        List<HadoopClassSettings.Unloadable> unloadable;
        if (configuration.get(YarnConfigOptions.FRAMEWORK_CLASSPATH).isEmpty()) {
            // the containers get lib/, which is this process's classpath too (bin/floe): its open jars answer
            unloadable = HadoopClassSettings.unloadable(site, ContainerSiteSettings.class.getClassLoader());
        } else {
            List<URL> urls = new ArrayList<>();
            for (Path entry : FrameworkJarCache.localFrameworkClasspath(configuration)) {
                urls.add(entry.toUri().toURL());
            }
            try (URLClassLoader containers =
                    new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader())) {
                unloadable = HadoopClassSettings.unloadable(site, containers);
            }
        }
        List<HadoopClassSettings.Unloadable> leftOut = new ArrayList<>();
        for (HadoopClassSettings.Unloadable setting : unloadable) {
            if (setting.isDefaultSafe()) {
                LOG.warn(setting.warning());
                console.accept("WARN " + setting.warning());
                leftOut.add(setting);
            } else if (hadoopClasspath == HadoopClasspath.SHIP) {
                if (setting.isRequired()) {
                    throw new IllegalArgumentException(setting.containerRefusal());
                }
                leftOut.add(setting);
            }
        }
        if (!leftOut.isEmpty()) {
            LOG.info(
                    "Left out of the containers' Hadoop settings, since they cannot load the classes these name: {}",
                    leftOut.stream().map(HadoopClassSettings.Unloadable::key).toList());
        }
        return HadoopClassSettings.without(site, leftOut);
    }

    /** What the client's site files (and code) set, without Hadoop's defaults, which the containers have too. */
    static org.apache.hadoop.conf.Configuration siteProperties(org.apache.hadoop.conf.Configuration full) {
        org.apache.hadoop.conf.Configuration site = new org.apache.hadoop.conf.Configuration(false);
        for (Map.Entry<String, String> entry : full) {
            String[] sources = full.getPropertySources(entry.getKey());
            boolean fromDefaults = sources != null
                    && sources.length > 0
                    && Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"));
            if (!fromDefaults) {
                site.set(entry.getKey(), full.getRaw(entry.getKey()));
            }
        }
        return site;
    }
}
