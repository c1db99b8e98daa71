package io.floe.blob.hdfs;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.floe.api.JobId;
import io.floe.runtime.highavailability.JobGraphStore;
import io.floe.runtime.jobgraph.JobGraph;
import io.floe.runtime.rest.messages.RestJsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link JobGraphStore} on any Hadoop file system: one JSON file per job under
 * {@code <high-availability.storageDir>/jobgraphs/}. Thread-safe; every method blocks on file
 * system I/O.
 */
public final class FileSystemJobGraphStore implements JobGraphStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileSystemJobGraphStore.class);
    private static final String SUFFIX = ".json";

    private final Path directory;
    private final ObjectMapper mapper = RestJsonMapper.create();

    public FileSystemJobGraphStore(String haStorageDir) {
        this.directory = new Path(haStorageDir, "jobgraphs");
    }

    /** Writes the graph under a temporary name and renames it, so a crash leaves no half-written graph. */
    @Override
    public void put(JobGraph jobGraph) throws IOException {
        FileSystem fs = fileSystem();
        Path target = fileOf(jobGraph.jobId());
        Path temporary = new Path(directory, "." + jobGraph.jobId() + SUFFIX + ".tmp");
        WholeFileWrite.write(
                fs,
                temporary,
                target,
                "store the job graph of " + jobGraph.jobId(),
                out -> mapper.writeValue(out, jobGraph));
    }

    @Override
    public void remove(JobId jobId) throws IOException {
        fileSystem().delete(fileOf(jobId), false);
    }

    @Override
    public List<JobGraph> recover() throws IOException {
        FileSystem fs = fileSystem();
        List<JobGraph> graphs = new ArrayList<>();
        if (!fs.exists(directory)) {
            return graphs;
        }
        for (FileStatus status : fs.listStatus(directory)) {
            String name = status.getPath().getName();
            if (!name.endsWith(SUFFIX) || name.startsWith(".")) {
                continue;
            }
            try (InputStream in = fs.open(status.getPath())) {
                graphs.add(mapper.readValue(in, JobGraph.class));
            } catch (IOException e) {
                LOG.error("Cannot read the stored job graph {}; that job is not recovered", status.getPath(), e);
            }
        }
        return graphs;
    }

    private Path fileOf(JobId jobId) {
        return new Path(directory, jobId + SUFFIX);
    }

    private FileSystem fileSystem() throws IOException {
        return directory.getFileSystem(new Configuration());
    }

    @Override
    public String toString() {
        return directory.toString();
    }
}
