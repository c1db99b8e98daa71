package io.floe.yarn;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.apache.hadoop.conf.Configuration;

/**
 * The Hadoop settings that name classes, checked against what a process (the client, or Floe's
 * containers) can load.
 *
 * <p>Site files name many classes: a cluster's complete configuration, as {@code writeXml} and many
 * cluster managers hand it out, names about 135, of which some 80 are classes of Hadoop's daemons
 * or of file systems that the client jars lack (schedulers, NodeManager plugins, S3, Azure, ...).
 * Floe's processes resolve only a few of them; which ones, and what to do when such a class cannot
 * be loaded, is this class's list ({@link #SETTINGS}):
 *
 * <ul>
 *   <li>{@link Use#REQUIRED}: the process cannot reach YARN or HDFS the way the cluster intends
 *       without it (RPC socket factories and engines, failover proxy providers, the default file
 *       system's implementation). A deployment is refused at the client, before anything is created
 *       in YARN, with one line that names the setting, the class and the remedy.
 *   <li>{@link Use#DEFAULT_IS_SAFE}: resolved, but Floe does not depend on what it does (the rack
 *       mapping of an ApplicationMaster that asks for no node or rack, the group mapping of a
 *       client that never asks for groups). The containers use Hadoop's default instead, with one
 *       warning naming the setting and the class.
 * </ul>
 *
 * Every other setting whose class cannot be loaded is read by none of Floe's code paths; it is
 * left out of what the containers get too (so they see Hadoop's default), without a warning, since
 * a complete configuration names dozens of them.
 *
 * <p>Immutable and stateless; any thread.
 */
public final class HadoopClassSettings {
    /** A value element that reads as a class name: dotted, its last part capitalised ({@code a.b.C}, {@code a.B$C}). */
    private static final Pattern CLASS_NAME = Pattern.compile("([A-Za-z_$][\\w$]*\\.)+[A-Z][\\w$]*");

    /** What Floe needs of a setting it resolves. */
    public enum Use {
        REQUIRED,
        DEFAULT_IS_SAFE
    }

    /**
     * A class-valued setting that Floe's code paths resolve.
     *
     * @param key the setting, or the start of its name if {@code prefix}
     * @param readBy what resolves it, for the messages
     * @param whyDefaultIsSafe why Hadoop's default does as well for Floe; null if it does not ({@link Use#REQUIRED})
     * @param resolvedWhen whether this configuration makes the code path resolve it at all
     */
    record Setting(
            String key, boolean prefix, String readBy, String whyDefaultIsSafe, Predicate<Configuration> resolvedWhen) {
        Use use() {
            return whyDefaultIsSafe == null ? Use.REQUIRED : Use.DEFAULT_IS_SAFE;
        }

        boolean matches(String name, Configuration configuration) {
            return (prefix ? name.startsWith(key) : name.equals(key)) && resolvedWhen.test(configuration);
        }
    }

    private static final Predicate<Configuration> ALWAYS = configuration -> true;
    private static final Predicate<Configuration> RESOURCE_MANAGER_HA =
            configuration -> configuration.getBoolean("yarn.resourcemanager.ha.enabled", false);
    private static final Predicate<Configuration> KERBEROS = configuration ->
            "kerberos".equalsIgnoreCase(configuration.getTrimmed("hadoop.security.authentication", "simple"));

    static final List<Setting> SETTINGS = List.of(
            new Setting(
                    "net.topology.node.switch.mapping.impl",
                    false,
                    "the ApplicationMaster's YARN client (rack resolution)",
                    "Floe asks YARN for containers on no particular node or rack",
                    ALWAYS),
            new Setting(
                    "hadoop.security.group.mapping",
                    false,
                    "Hadoop's user information in every process",
                    "Floe never asks for a user's groups (the NameNode and the ResourceManager resolve them)",
                    ALWAYS),
            new Setting(
                    "hadoop.rpc.socket.factory.class.", true, "every Hadoop RPC connection (YARN, HDFS)", null, ALWAYS),
            new Setting("rpc.engine.", true, "Hadoop's RPC", null, ALWAYS),
            new Setting("yarn.ipc.rpc.class", false, "YARN's RPC", null, ALWAYS),
            new Setting(
                    "yarn.client.failover-proxy-provider",
                    false,
                    "the connection to the YARN ResourceManagers (yarn.resourcemanager.ha.enabled)",
                    null,
                    RESOURCE_MANAGER_HA),
            new Setting(
                    "yarn.client.failover-no-ha-proxy-provider",
                    false,
                    "the connection to the YARN ResourceManager",
                    null,
                    RESOURCE_MANAGER_HA.negate()),
            new Setting("dfs.client.failover.proxy.provider.", true, "the connection to an HA NameNode", null, ALWAYS),
            new Setting("hadoop.security.saslproperties.resolver.class", false, "Kerberos RPC", null, KERBEROS),
            new Setting(
                    "dfs.data.transfer.saslproperties.resolver.class",
                    false,
                    "Kerberos data transfer with DataNodes",
                    null,
                    KERBEROS));

    /** The keys {@link #SETTINGS} and the file system implementations can match, to look at only those. */
    private static final String RESOLVED_KEYS = SETTINGS.stream()
            .map(setting -> Pattern.quote(setting.key()) + (setting.prefix() ? ".*" : ""))
            .collect(java.util.stream.Collectors.joining("|", "^(", "|fs\\.[^.]+\\.impl)$"));

    /**
     * A setting naming a class that could not be loaded.
     *
     * @param setting what Floe knows of it; null if none of Floe's code paths resolves it
     */
    public record Unloadable(String key, String className, Setting setting) {
        public boolean isRequired() {
            return setting != null && setting.use() == Use.REQUIRED;
        }

        public boolean isDefaultSafe() {
            return setting != null && setting.use() == Use.DEFAULT_IS_SAFE;
        }

        /** The one line a deployment fails with when Floe's containers cannot load the class. */
        public String containerRefusal() {
            return "The Hadoop setting " + key + " names " + className + ", which Floe's containers cannot load; "
                    + setting.readBy() + " needs it. Put the jar that holds it into Floe's lib/ (the containers get "
                    + "lib/), or set yarn.hadoop-classpath: cluster if the NodeManagers' yarn.application.classpath "
                    + "holds it.";
        }

        /** The one line the client fails with when it cannot load the class itself. */
        public String clientRefusal() {
            return "The Hadoop setting " + key + " names " + className + ", which Floe cannot load; " + setting.readBy()
                    + " needs it. Put the jar that holds it into Floe's lib/.";
        }

        /** The one warning for a class whose default Floe uses instead. */
        public String warning() {
            return "The Hadoop setting " + key + " names " + className
                    + ", which Floe's containers cannot load; they use " + "Hadoop's default instead. It is read by "
                    + setting.readBy() + ", and " + setting.whyDefaultIsSafe() + ".";
        }
    }

    private HadoopClassSettings() {}

    /** Every setting of {@code configuration} that names a class {@code loader} cannot load, in key order. */
    public static List<Unloadable> unloadable(Configuration configuration, ClassLoader loader) {
        List<Unloadable> found = new ArrayList<>();
        for (Map.Entry<String, String> entry : new java.util.TreeMap<>(configuration.getValByRegex(".*")).entrySet()) {
            for (String element : entry.getValue().split(",")) {
                String name = element.trim();
                if (CLASS_NAME.matcher(name).matches() && !canLoad(name, loader)) {
                    found.add(new Unloadable(entry.getKey(), name, settingOf(entry.getKey(), configuration)));
                }
            }
        }
        return found;
    }

    /**
     * The settings of {@link #SETTINGS} (and the default file system's {@code fs.<scheme>.impl}) that
     * name a class {@code loader} cannot load: what the process itself would trip over.
     */
    public static List<Unloadable> unloadableResolved(Configuration configuration, ClassLoader loader) {
        List<Unloadable> found = new ArrayList<>();
        for (Map.Entry<String, String> entry :
                configuration.getValByRegex(RESOLVED_KEYS).entrySet()) {
            Setting setting = settingOf(entry.getKey(), configuration);
            String name = entry.getValue().trim();
            if (setting != null && CLASS_NAME.matcher(name).matches() && !canLoad(name, loader)) {
                found.add(new Unloadable(entry.getKey(), name, setting));
            }
        }
        return found;
    }

    /** A copy of {@code site} without the settings in {@code drop}. */
    public static Configuration without(Configuration site, List<Unloadable> drop) {
        Configuration copy = new Configuration(site);
        for (Unloadable unloadable : drop) {
            copy.unset(unloadable.key());
        }
        return copy;
    }

    private static Setting settingOf(String key, Configuration configuration) {
        for (Setting setting : SETTINGS) {
            if (setting.matches(key, configuration)) {
                return setting;
            }
        }
        String defaultScheme = java.net
                .URI
                .create(configuration.getTrimmed("fs.defaultFS", "file:///"))
                .getScheme();
        if (defaultScheme != null && key.equals("fs." + defaultScheme + ".impl")) {
            return new Setting(key, false, "the default file system (fs.defaultFS)", null, ALWAYS);
        }
        return null;
    }

    /** Whether the class file is there; cheaper than loading it, and what a missing jar comes down to. */
    private static boolean canLoad(String className, ClassLoader loader) {
        return loader.getResource(className.replace('.', '/') + ".class") != null;
    }
}
