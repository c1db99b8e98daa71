package io.floe.runtime.operators.sink;

import io.floe.runtime.fs.FileSystemResolver;
import io.floe.runtime.operators.StreamOperator;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;

/**
 * {@code writeAsText(path)}: at parallelism 1 the path is one file; otherwise a directory holding
 * one file per subtask named {@code 1}, {@code 2}, ... as in Flink. Any Hadoop file system path
 * works. Each attempt rewrites its file, so a restarted job leaves exactly one run's output.
 */
public final class TextOutputOperator<T> extends StreamOperator<T, Void> {
    private static final long serialVersionUID = 1L;
    private final String path;
    private transient BufferedWriter writer;

    public TextOutputOperator(String path) {
        this.path = path;
    }

    @Override
    public void open() throws IOException {
        Path target = new Path(path);
        FileSystem fs = FileSystemResolver.resolve(target);
        if (context.parallelism() > 1) {
            fs.mkdirs(target);
            target = new Path(target, String.valueOf(context.subtaskIndex() + 1));
        }
        writer = new BufferedWriter(new OutputStreamWriter(fs.create(target, true), StandardCharsets.UTF_8), 1 << 16);
    }

    @Override
    public void processElement(T element) throws IOException {
        writer.write(String.valueOf(element));
        writer.write('\n');
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
            writer = null;
        }
    }
}
