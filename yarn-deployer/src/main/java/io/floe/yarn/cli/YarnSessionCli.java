package io.floe.yarn.cli;

import io.floe.client.cli.CliException;
import io.floe.client.cli.ConfigurationLoader;
import io.floe.client.cli.ExitCode;
import io.floe.configuration.Configuration;
import io.floe.configuration.IllegalConfigurationException;
import io.floe.yarn.HadoopConfigurationLoader;
import io.floe.yarn.YarnClusterDescriptor;
import io.floe.yarn.YarnClusterDescriptor.DeployedCluster;
import io.floe.yarn.YarnPropertiesFile;
import io.floe.yarn.YarnSessionLookup;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.List;
import java.util.Map;
import org.apache.commons.cli.HelpFormatter;
import org.apache.hadoop.yarn.api.records.NodeReport;
import org.apache.hadoop.yarn.api.records.NodeState;
import org.apache.hadoop.yarn.client.api.YarnClient;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code yarn-session.sh}: starts a Floe session cluster on YARN and records it in the
 * {@link YarnPropertiesFile}, so that a plain {@code floe run} submits to it. Attached (the
 * default) it then reads commands from stdin until {@code stop}; {@code -d} returns at once with
 * the commands to reach and stop the session; {@code -id} attaches to a running one (so
 * {@code echo stop | yarn-session.sh -id <appId>} stops it); {@code -q} prints the cluster's
 * NodeManagers. Exit codes as {@code floe}'s: 0, 1 bad input, 3 YARN or the cluster failed.
 */
public final class YarnSessionCli {
    private static final Logger LOG = LoggerFactory.getLogger(YarnSessionCli.class);

    private final PrintStream out;
    private final PrintStream err;
    private final InputStream in;
    private final Map<String, String> environment;

    public YarnSessionCli(PrintStream out, PrintStream err, InputStream in, Map<String, String> environment) {
        this.out = out;
        this.err = err;
        this.in = in;
        this.environment = environment;
    }

    public static void main(String[] args) {
        System.exit(new YarnSessionCli(System.out, System.err, System.in, System.getenv()).run(args));
    }

    public int run(String[] args) {
        try {
            YarnSessionOptions options = YarnSessionOptions.parse(args);
            if (options.help()) {
                printHelp();
                return ExitCode.SUCCESS;
            }
            Configuration configuration = configuration(options);
            YarnConfiguration yarnConfiguration = HadoopConfigurationLoader.load(configuration, environment);
            try (YarnClusterDescriptor descriptor =
                    new YarnClusterDescriptor(configuration, yarnConfiguration, out::println)) {
                if (options.query()) {
                    printNodeManagers(descriptor.yarnClient());
                    return ExitCode.SUCCESS;
                }
                SessionController controller;
                if (options.applicationId() != null) {
                    DeployedCluster session =
                            YarnSessionLookup.retrieve(options.applicationId(), configuration, environment);
                    out.println("Attached to YARN session " + session.applicationId() + " (REST at " + restUrl(session)
                            + ")");
                    controller = new SessionController(descriptor, session, YarnPropertiesFile.of(configuration), out);
                    return new AttachedSession(controller, in, out, false).run();
                }
                DeployedCluster session = descriptor.deploySessionCluster();
                YarnPropertiesFile properties = YarnPropertiesFile.of(configuration);
                properties.write(session.applicationId().toString());
                controller = new SessionController(descriptor, session, properties, out);
                out.println("Floe YARN session " + session.applicationId() + " is running; REST and web at "
                        + restUrl(session));
                if (options.detached()) {
                    printDetachedHelp(session, properties);
                    return ExitCode.SUCCESS;
                }
                return new AttachedSession(controller, in, out, true).run();
            }
        } catch (CliException e) {
            err.println(e.getMessage());
            return e.exitCode();
        } catch (IllegalArgumentException e) {
            LOG.info("yarn-session.sh rejected: {}", e.getMessage());
            err.println(e.getMessage());
            return ExitCode.USAGE;
        } catch (Exception e) {
            LOG.error("yarn-session.sh failed", e);
            err.println("The YARN session failed: " + e.getMessage());
            return ExitCode.CLUSTER_ERROR;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private Configuration configuration(YarnSessionOptions options) throws CliException {
        Configuration configuration = ConfigurationLoader.load(environment);
        options.applyTo(configuration);
        try {
            return configuration.validate();
        } catch (IllegalConfigurationException e) {
            throw new CliException("Bad option: " + e.getMessage());
        }
    }

    static String restUrl(DeployedCluster session) {
        return "http://" + session.restHost() + ":" + session.restPort();
    }

    private void printDetachedHelp(DeployedCluster session, YarnPropertiesFile properties) {
        String id = session.applicationId().toString();
        out.println("The session runs detached. It is recorded in " + properties.path()
                + ", so a plain 'floe run' uses it.");
        out.println("  Submit a job:  floe run <jar>   or   floe run -t yarn-session -Dyarn.application.id=" + id
                + " <jar>");
        out.println("  List its jobs: floe list -Dyarn.application.id=" + id);
        out.println("  Stop it:       echo stop | yarn-session.sh -id " + id + "   (or: yarn application -kill " + id
                + ")");
    }

    private void printNodeManagers(YarnClient yarnClient) throws Exception {
        List<NodeReport> nodes = yarnClient.getNodeReports(NodeState.RUNNING);
        long totalMemory = 0;
        long totalVcores = 0;
        out.printf("%-32s %-22s %14s %10s%n", "NodeManager", "HTTP address", "memory used/MB", "vcores");
        for (NodeReport node : nodes) {
            long usedMemory = node.getUsed() == null ? 0 : node.getUsed().getMemorySize();
            int usedVcores = node.getUsed() == null ? 0 : node.getUsed().getVirtualCores();
            out.printf(
                    "%-32s %-22s %14s %10s%n",
                    node.getNodeId(),
                    node.getHttpAddress(),
                    usedMemory + "/" + node.getCapability().getMemorySize(),
                    usedVcores + "/" + node.getCapability().getVirtualCores());
            totalMemory += node.getCapability().getMemorySize();
            totalVcores += node.getCapability().getVirtualCores();
        }
        out.println(nodes.size() + " running NodeManager(s), " + totalMemory + " MB and " + totalVcores
                + " vcores in total");
    }

    private void printHelp() {
        HelpFormatter formatter = HelpFormatter.builder().get();
        formatter.setOptionComparator(null);
        java.io.PrintWriter writer = new java.io.PrintWriter(out, true);
        formatter.printHelp(
                writer,
                100,
                "yarn-session.sh [options]",
                "\nStarts a Floe session cluster on YARN (HADOOP_CONF_DIR or YARN_CONF_DIR names the cluster). "
                        + "TaskManagers start as jobs need slots.\n\nOptions:",
                YarnSessionOptions.definitions(),
                2,
                4,
                "\nAttached, type 'stop' to stop the session. Exit codes: 0 success, 1 bad input, 3 YARN or the "
                        + "cluster failed.");
        writer.flush();
    }
}
