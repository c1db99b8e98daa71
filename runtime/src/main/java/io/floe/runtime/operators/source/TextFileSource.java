package io.floe.runtime.operators.source;

import io.floe.runtime.fs.FileSystemResolver;
import io.floe.runtime.operators.SourceOperator;
import java.io.FileNotFoundException;
import java.io.IOException;
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
 */
public final class TextFileSource extends SourceOperator<String> {
    private static final long serialVersionUID = 1L;
    private static final long MIN_SPLIT_BYTES = 1 << 20;

    private final String path;

    public TextFileSource(String path) {
        this.path = path;
    }

    @Override
    public void run() throws IOException {
        Path root = new Path(path);
        FileSystem fs = FileSystemResolver.resolve(root);
        List<FileSplit> splits = computeSplits(fs, root, context.parallelism());
        for (int i = context.subtaskIndex(); i < splits.size() && running; i += context.parallelism()) {
            readSplit(fs, splits.get(i));
        }
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

    private void readSplit(FileSystem fs, FileSplit split) throws IOException {
        try (FSDataInputStream in = fs.open(split.path(), 1 << 16)) {
            LineReader reader = new LineReader(in, split.start(), split.start() + split.length());
            String line;
            while (running && (line = reader.nextLine()) != null) {
                output.collect(line);
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
