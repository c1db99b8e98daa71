package io.floe.runtime.fs;

import java.util.Arrays;
import org.apache.hadoop.conf.Configuration;

/**
 * Floe's defaults for Hadoop's HDFS client, applied wherever Floe makes a Hadoop configuration.
 * A value that the cluster's site files or the user set wins.
 *
 * <p>Closing an HDFS file waits until the NameNode has seen its last block; if the first check
 * comes too early, the client sleeps {@value #CLOSE_RETRY_DELAY_KEY} (Hadoop's default: 400 ms)
 * before it asks again. Floe writes small files where a user waits (staging uploads, a submitted
 * job's jar and graph), and there that sleep is most of the time: creating and closing a 10 KB
 * file took 210-230 ms on average with 400 ms and about 40 ms with 50 ms (MiniDFSCluster, this
 * project's machine). The NameNode gets at most a few more calls per file.
 */
public final class HdfsClientDefaults {
    public static final String CLOSE_RETRY_DELAY_KEY = "dfs.client.block.write.locateFollowingBlock.initial.delay.ms";
    static final long CLOSE_RETRY_DELAY_MILLIS = 50;

    private HdfsClientDefaults() {}

    /** Sets Floe's defaults in {@code configuration} where only Hadoop's own defaults apply; returns it. */
    public static <C extends Configuration> C apply(C configuration) {
        // as the HDFS client does when it loads (without naming it: the runtime does not import HDFS),
        // so that a value in hdfs-site.xml is seen, and wins
        Configuration.addDefaultResource("hdfs-default.xml");
        Configuration.addDefaultResource("hdfs-site.xml");
        String[] sources = configuration.getPropertySources(CLOSE_RETRY_DELAY_KEY);
        boolean onlyHadoopDefaults =
                sources == null || Arrays.stream(sources).allMatch(source -> source.endsWith("-default.xml"));
        if (onlyHadoopDefaults) {
            configuration.setLong(CLOSE_RETRY_DELAY_KEY, CLOSE_RETRY_DELAY_MILLIS);
        }
        return configuration;
    }
}
