package io.floe.yarn.executors;

import io.floe.yarn.YarnClusterDescriptor;
import io.floe.yarn.entrypoint.YarnJobClusterEntrypoint;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells an attached per-job ApplicationMaster that the client has the job's result, by creating a
 * marker file in the application's staging directory; the AM waits for it before it unregisters.
 */
public final class ResultFetchedMarker {
    private static final Logger LOG = LoggerFactory.getLogger(ResultFetchedMarker.class);

    private ResultFetchedMarker() {}

    public static void write(YarnClusterDescriptor descriptor, YarnClusterDescriptor.DeployedCluster cluster) {
        Path marker = new Path(cluster.stagingDirectory(), YarnJobClusterEntrypoint.RESULT_FETCHED_MARKER);
        try {
            FileSystem fs = marker.getFileSystem(descriptor.yarnConfiguration());
            fs.create(marker, true).close();
        } catch (Exception e) {
            LOG.warn(
                    "Could not tell application {} that the result arrived; it ends after "
                            + "yarn.per-job.attached-result-wait",
                    cluster.applicationId(),
                    e);
        }
    }
}
