package io.floe.yarn;

import io.floe.runtime.security.ClusterSecret;
import io.floe.runtime.security.RestAuthorization;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.ApplicationId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The REST credential of a running cluster the client did not deploy itself, from the secret in the configuration
 * archive of its staging directory (mode 700: only the user who deployed it can read it).
 */
final class StagedClusterSecret {
    private static final Logger LOG = LoggerFactory.getLogger(StagedClusterSecret.class);

    private StagedClusterSecret() {}

    /**
     * The {@code Authorization} header value, or null, with a note in the log, if the secret cannot be read: reads
     * still work, and a call that changes the cluster gets the server's 401 line.
     */
    static String restAuthorization(FileSystem fs, Path staging, ApplicationId appId) {
        Path archive = new Path(staging, ContainerEnvironment.CONF_DIR + ".zip");
        try (ZipInputStream zip = new ZipInputStream(fs.open(archive))) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                if (entry.getName().equals(ContainerEnvironment.SECRET_FILE)) {
                    String text = new String(zip.readAllBytes(), StandardCharsets.US_ASCII);
                    return RestAuthorization.headerValue(ClusterSecret.parse(text, "of " + appId + " in " + archive));
                }
            }
            LOG.info("The configuration archive {} of {} holds no cluster secret", archive, appId);
        } catch (IOException e) {
            LOG.info("Cannot read the cluster secret of {} from {}: {}", appId, archive, e.toString());
        }
        return null;
    }
}
