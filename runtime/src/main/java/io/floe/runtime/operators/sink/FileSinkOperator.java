package io.floe.runtime.operators.sink;

import io.floe.api.connector.file.sink.FileSink;
import io.floe.api.functions.sink.filesystem.BucketAssigner;
import io.floe.api.functions.sink.filesystem.OutputFileConfig;
import io.floe.api.functions.sink.filesystem.PartFileInfo;
import io.floe.api.functions.sink.filesystem.RollingPolicy;
import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.runtime.fs.FileSystemResolver;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.StreamOperator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.hadoop.fs.FSDataOutputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * Runs a {@link FileSink}: writes each element into the in-progress part file of its bucket and
 * commits (renames to the final name) closed part files.
 *
 * <p>Without checkpoints, a part file is committed when it rolls and when the input ends. With
 * checkpoints, every open part file is closed at a checkpoint and committed when that checkpoint
 * completes; the files waiting for it are in the operator's state, so after a failure the restored
 * instance commits them and deletes the in-progress files written after the checkpoint by the run
 * that took it: the output then holds each record exactly once. A run that failed before its first
 * checkpoint leaves its in-progress files behind (hidden, as in Flink). Task thread.
 */
public final class FileSinkOperator<IN> extends StreamOperator<IN, Void> {
    private static final long serialVersionUID = 1L;
    private static final ListStateDescriptor<String> STATE = new ListStateDescriptor<>("file-sink", String.class);
    private static final String COMMIT = "commit";
    private static final String RUN = "run";
    private static final int TIME_CHECK_EVERY = 1024;

    private final FileSink<IN> sink;

    private transient FileSystem fs;
    private transient Path basePath;
    private transient String runId;
    private transient Map<Object, PartFile> openFiles;
    /** Closed files no checkpoint covers yet. */
    private transient List<PartFile> closedSinceCheckpoint;
    /** Closed files by the checkpoint that covers them, waiting for it to complete. */
    private transient TreeMap<Long, List<PartFile>> awaitingCommit;

    private transient ListState<String> state;
    private transient long partCounter;
    private transient int elementsSinceTimeCheck;

    public FileSinkOperator(FileSink<IN> sink) {
        this.sink = sink;
    }

    @Override
    public void initializeState(OperatorStateContext context) throws Exception {
        basePath = new Path(sink.getBasePath().toString());
        fs = FileSystemResolver.resolve(basePath);
        runId = UUID.randomUUID().toString();
        openFiles = new HashMap<>();
        closedSinceCheckpoint = new ArrayList<>();
        awaitingCommit = new TreeMap<>();
        state = context.getOperatorStateStore().getListState(STATE);
        List<String> previousRuns = new ArrayList<>();
        for (String entry : state.get()) {
            for (String line : entry.split("\n")) {
                String[] fields = line.split("\t");
                if (fields[0].equals(COMMIT)) {
                    commit(new PartFile(null, new Path(fields[1]), new Path(fields[2])));
                } else if (fields[0].equals(RUN)) {
                    previousRuns.add(fields[1]);
                }
            }
        }
        // after the commits above: this instance got every file of these runs that a checkpoint covered
        for (String run : previousRuns) {
            deleteInProgressFilesOf(run);
        }
    }

    @Override
    public void processElement(IN element) throws Exception {
        Object bucketId = bucketAssigner().getBucketId(element, new BucketContext());
        PartFile file = openFiles.get(bucketId);
        if (file == null) {
            file = open(bucketId);
            openFiles.put(bucketId, file);
        }
        sink.getEncoder().encode(element, file.out);
        file.lastUpdateTime = System.currentTimeMillis();
        if (rollingPolicy().shouldRollOnEvent(file.info(), element)) {
            roll(bucketId, file);
        }
        if (++elementsSinceTimeCheck >= TIME_CHECK_EVERY) {
            elementsSinceTimeCheck = 0;
            rollOnProcessingTime(System.currentTimeMillis());
        }
    }

    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        for (Map.Entry<Object, PartFile> open : new ArrayList<>(openFiles.entrySet())) {
            roll(open.getKey(), open.getValue()); // always: an open file cannot be committed later
        }
        if (!closedSinceCheckpoint.isEmpty()) {
            awaitingCommit.put(checkpointId, closedSinceCheckpoint);
            closedSinceCheckpoint = new ArrayList<>();
        }
        // One entry per instance, so that a restore at another parallelism, which deals entries out,
        // gives a run's files to commit and the run whose other in-progress files go to the same instance.
        StringBuilder entry = new StringBuilder(RUN).append('\t').append(runId);
        for (List<PartFile> files : awaitingCommit.values()) {
            for (PartFile file : files) {
                entry.append('\n')
                        .append(COMMIT)
                        .append('\t')
                        .append(file.inProgressPath)
                        .append('\t')
                        .append(file.finalPath);
            }
        }
        state.update(List.of(entry.toString()));
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        while (!awaitingCommit.isEmpty() && awaitingCommit.firstKey() <= checkpointId) {
            for (PartFile file : awaitingCommit.pollFirstEntry().getValue()) {
                commit(file);
            }
        }
    }

    /**
     * The input ended. With checkpoints the last part files wait for the task's final checkpoint
     * (the task waits for it before it finishes), so a failure elsewhere cannot replay records
     * that are committed already; without, everything written is final now.
     */
    @Override
    public void endInput() throws Exception {
        for (Map.Entry<Object, PartFile> open : new ArrayList<>(openFiles.entrySet())) {
            roll(open.getKey(), open.getValue());
        }
        if (context.checkpointing()) {
            return;
        }
        notifyCheckpointComplete(Long.MAX_VALUE);
        for (PartFile file : closedSinceCheckpoint) {
            commit(file);
        }
        closedSinceCheckpoint.clear();
    }

    /** After a failure or cancel: without checkpoints nothing will restore the unfinished files, so they go. */
    @Override
    public void close() throws Exception {
        if (openFiles == null) {
            return;
        }
        for (PartFile file : openFiles.values()) {
            file.out.close();
            if (!context.checkpointing()) {
                fs.delete(file.inProgressPath, false);
            }
        }
        openFiles.clear();
    }

    private PartFile open(Object bucketId) throws IOException {
        String bucket = bucketId.toString();
        Path directory = bucket.isEmpty() ? basePath : new Path(basePath, bucket);
        OutputFileConfig names = sink.getOutputFileConfig();
        String name = names.getPartPrefix() + "-" + runId + "-" + context.subtaskIndex() + "-" + partCounter++
                + names.getPartSuffix();
        Path inProgress = new Path(directory, "." + name + ".inprogress");
        PartFile file = new PartFile(bucketId, inProgress, new Path(directory, name));
        file.out = fs.create(inProgress, false);
        file.creationTime = file.lastUpdateTime = System.currentTimeMillis();
        return file;
    }

    private void roll(Object bucketId, PartFile file) throws IOException {
        file.out.close();
        openFiles.remove(bucketId);
        if (context.checkpointing()) {
            closedSinceCheckpoint.add(file);
        } else {
            commit(file);
        }
    }

    private void rollOnProcessingTime(long now) throws IOException {
        for (Map.Entry<Object, PartFile> open : new ArrayList<>(openFiles.entrySet())) {
            if (rollingPolicy().shouldRollOnProcessingTime(open.getValue().info(), now)) {
                roll(open.getKey(), open.getValue());
            }
        }
    }

    /** Makes a closed part file visible; a second commit of the same file (after a restore) does nothing. */
    private void commit(PartFile file) throws IOException {
        if (fs.exists(file.inProgressPath) && !fs.exists(file.finalPath)) {
            if (!fs.rename(file.inProgressPath, file.finalPath)) {
                throw new IOException("FileSink: could not rename " + file.inProgressPath + " to " + file.finalPath);
            }
        }
    }

    /** Deletes the in-progress files run {@code run} left anywhere under the base path. */
    private void deleteInProgressFilesOf(String run) throws IOException {
        deleteInProgressFiles(basePath, "-" + run + "-");
    }

    /**
     * Walks one directory at a time: other subtasks rename their files meanwhile, and an entry
     * that is gone by the time it is looked at is simply not ours to delete.
     */
    private void deleteInProgressFiles(Path directory, String marker) throws IOException {
        FileStatus[] entries;
        try {
            entries = fs.listStatus(directory);
        } catch (FileNotFoundException e) {
            return;
        }
        for (FileStatus entry : entries) {
            String name = entry.getPath().getName();
            if (entry.isDirectory()) {
                deleteInProgressFiles(entry.getPath(), marker);
            } else if (name.startsWith(".") && name.endsWith(".inprogress") && name.contains(marker)) {
                fs.delete(entry.getPath(), false);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private BucketAssigner<IN, Object> bucketAssigner() {
        return (BucketAssigner<IN, Object>) sink.getBucketAssigner();
    }

    @SuppressWarnings("unchecked")
    private RollingPolicy<IN, Object> rollingPolicy() {
        return (RollingPolicy<IN, Object>) sink.getRollingPolicy();
    }

    /** One part file of one bucket. */
    private static final class PartFile {
        final Object bucketId;
        final Path inProgressPath;
        final Path finalPath;
        FSDataOutputStream out;
        long creationTime;
        long lastUpdateTime;

        PartFile(Object bucketId, Path inProgressPath, Path finalPath) {
            this.bucketId = bucketId;
            this.inProgressPath = inProgressPath;
            this.finalPath = finalPath;
        }

        PartFileInfo<Object> info() {
            return new PartFileInfo<>() {
                @Override
                public Object getBucketId() {
                    return bucketId;
                }

                @Override
                public long getCreationTime() {
                    return creationTime;
                }

                @Override
                public long getSize() {
                    return out.size();
                }

                @Override
                public long getLastUpdateTime() {
                    return lastUpdateTime;
                }
            };
        }
    }

    /** What the bucket assigner sees besides the element. */
    private static final class BucketContext implements BucketAssigner.Context {
        @Override
        public long currentProcessingTime() {
            return System.currentTimeMillis();
        }

        @Override
        public long currentWatermark() {
            return Long.MIN_VALUE;
        }

        @Override
        public Long timestamp() {
            return null;
        }
    }
}
