package io.floe.runtime.operators.source;

import io.floe.api.state.ListState;
import io.floe.api.state.ListStateDescriptor;
import io.floe.runtime.fs.FileSystemResolver;
import io.floe.runtime.operators.OperatorStateContext;
import io.floe.runtime.operators.SourceOperator;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.fs.FSDataInputStream;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code readTextFile(path)}: reads a file, or every file of a directory, through Hadoop's
 * FileSystem ({@code file://}, plain paths, {@code hdfs://}). The bytes are cut into
 * {@link FileSplit}s and subtask i reads every split whose number modulo the parallelism is i; a
 * line belongs to the split in which it starts. Every subtask computes the same splits, so no
 * coordination with the JobManager is needed.
 *
 * <p>What is left to read is operator state: {@code {split number, byte position of the next
 * line}} per unfinished split, dealt out again on a restore (also at another parallelism), so each
 * line after the checkpoint is emitted exactly once, provided the files did not change.
 */
public final class TextFileSource extends SourceOperator<String> {
    private static final long serialVersionUID = 1L;
    private static final long MIN_SPLIT_BYTES = 1 << 20;
    private static final int BATCH = 1024;
    private static final ListStateDescriptor<long[]> REMAINING =
            new ListStateDescriptor<>("readTextFile-remaining", long[].class);

    private final String path;
    private transient ListState<long[]> remainingState;
    /** {split number, next line's position} of the splits left, the first in progress; null until known. */
    private transient ArrayDeque<long[]> remaining;

    private transient FileSystem fs;
    private transient List<FileSplit> splits;

    public TextFileSource(String path) {
        this.path = path;
    }

    @Override
    public void initializeState(OperatorStateContext state) throws Exception {
        remainingState = state.getOperatorStateStore().getListState(REMAINING);
        if (state.isRestored()) {
            remaining = new ArrayDeque<>();
            for (long[] entry : remainingState.get()) {
                remaining.add(entry.clone());
            }
        }
    }

    /** Lists the splits here, before the first checkpoint can come, so every snapshot knows what is left. */
    @Override
    public void open() throws Exception {
        Path root = new Path(path);
        fs = FileSystemResolver.resolve(root);
        splits = computeSplits(fs, root, context.parallelism());
        if (remaining == null) {
            remaining = new ArrayDeque<>();
            for (int i = context.subtaskIndex(); i < splits.size(); i += context.parallelism()) {
                remaining.add(new long[] {i, splits.get(i).start()});
            }
        }
    }

    @Override
    public void run() throws Exception {
        while (running && !remaining.isEmpty()) {
            long[] entry = remaining.peekFirst();
            if (entry[0] >= splits.size()) {
                throw new IOException("readTextFile(" + path + "): the files changed since the checkpoint this job was"
                        + " restored from (split " + entry[0] + " is gone); restore with the same input files.");
            }
            readSplit(splits.get((int) entry[0]), entry);
        }
    }

    @Override
    public void snapshotState(long checkpointId, long timestamp) throws Exception {
        List<long[]> left = new ArrayList<>();
        for (long[] entry : remaining) {
            left.add(entry.clone());
        }
        remainingState.update(left);
    }

    /** Cuts the files into about {@code 2 × parallelism} splits of at least 1 MiB each. */
    static List<FileSplit> computeSplits(FileSystem fs, Path root, int parallelism) throws IOException {
        List<FileStatus> files = new ArrayList<>();
        FileStatus status;
        try {
            status = fs.getFileStatus(root);
        } catch (FileNotFoundException e) {
            throw new FileNotFoundException("readTextFile: " + root + " does not exist.");
        }
        if (status.isDirectory()) {
            for (FileStatus child : fs.listStatus(root)) {
                String name = child.getPath().getName();
                if (child.isFile() && !name.startsWith(".") && !name.startsWith("_")) {
                    files.add(child);
                }
            }
            files.sort((a, b) -> a.getPath().getName().compareTo(b.getPath().getName()));
        } else {
            files.add(status);
        }
        long total = files.stream().mapToLong(FileStatus::getLen).sum();
        long splitSize = Math.max(MIN_SPLIT_BYTES, (total + 2L * parallelism - 1) / (2L * parallelism));
        List<FileSplit> splits = new ArrayList<>();
        for (FileStatus file : files) {
            for (long start = 0; start < file.getLen(); start += splitSize) {
                splits.add(new FileSplit(file.getPath(), start, Math.min(splitSize, file.getLen() - start)));
            }
        }
        return splits;
    }

    /** Reads the split from {@code entry}'s position on, moving it with every line; drops it when done. */
    private void readSplit(FileSplit split, long[] entry) throws Exception {
        try (FSDataInputStream in = fs.open(split.path(), 1 << 16)) {
            LineReader reader = new LineReader(in, entry[1], split.start() + split.length());
            String line = "";
            while (running && line != null) {
                synchronized (checkpointLock()) {
                    // the position moves with every line, so it matches what was emitted even if a read fails
                    for (int i = 0; i < BATCH && (line = reader.nextLine()) != null; i++) {
                        output.collect(line);
                        entry[1] = reader.position();
                    }
                    if (line == null) {
                        remaining.pollFirst();
                    }
                }
                checkpointIfRequested();
            }
        }
    }

    @Override
    public boolean isBounded() {
        return true;
    }

    @Override
    public String describe() {
        return "readTextFile(" + path + ")";
    }

    /** A byte range of one file. */
    record FileSplit(Path path, long start, long length) {}
}
