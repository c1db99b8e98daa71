package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.floe.api.JobId;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record of each job's latest checkpoint: the newest wins, older records go, a half-written one is ignored. */
class FileSystemCompletedCheckpointStoreTest {
    @TempDir
    Path haDir;

    private final JobId job = JobId.generate();
    private final JobId other = JobId.generate();

    @Test
    void keepsTheLatestCheckpointOfEachJob() throws Exception {
        FileSystemCompletedCheckpointStore store =
                new FileSystemCompletedCheckpointStore(haDir.toUri().toString());
        assertNull(store.latest(job), "nothing recorded yet");
        store.add(job, 1, "hdfs:///checkpoints/" + job + "/chk-1");
        store.add(job, 2, "hdfs:///checkpoints/" + job + "/chk-2");
        store.add(other, 7, "file:/tmp/other/chk-7");

        FileSystemCompletedCheckpointStore reopened =
                new FileSystemCompletedCheckpointStore(haDir.toUri().toString()); // the next JobManager's
        assertEquals("hdfs:///checkpoints/" + job + "/chk-2", reopened.latest(job));
        assertEquals("file:/tmp/other/chk-7", reopened.latest(other));
        assertEquals(List.of("chk-2"), records(job), "older records go");

        reopened.remove(job);
        assertNull(reopened.latest(job));
        assertFalse(Files.exists(haDir.resolve("checkpoints").resolve(job.toString())));
        assertEquals("file:/tmp/other/chk-7", reopened.latest(other), "another job's record stays");
    }

    @Test
    void aRecordLeftHalfWrittenByACrashIsIgnored() throws Exception {
        FileSystemCompletedCheckpointStore store =
                new FileSystemCompletedCheckpointStore(haDir.toUri().toString());
        store.add(job, 3, "hdfs:///c/chk-3");
        Files.writeString(haDir.resolve("checkpoints").resolve(job.toString()).resolve(".chk-4.tmp"), "hdfs:///c/ch");
        assertEquals("hdfs:///c/chk-3", store.latest(job));
        store.add(job, 4, "hdfs:///c/chk-4"); // the next attempt's checkpoint of that id replaces it
        assertEquals("hdfs:///c/chk-4", store.latest(job));
    }

    private List<String> records(JobId jobId) throws Exception {
        try (Stream<Path> files = Files.list(haDir.resolve("checkpoints").resolve(jobId.toString()))) {
            return files.map(f -> f.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        }
    }
}
