package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.floe.api.JobId;
import io.floe.api.JobStatus;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemJobResultStoreTest {
    @TempDir
    Path haDir;

    @Test
    void remembersHowEachEndedJobEndedAndRefusesAJobThatHasNot() throws Exception {
        JobId finished = JobId.generate();
        JobId canceled = JobId.generate();
        FileSystemJobResultStore store =
                new FileSystemJobResultStore(haDir.toUri().toString());
        store.markEnded(finished, JobStatus.FINISHED);
        store.markEnded(canceled, JobStatus.CANCELED);
        assertThrows(IllegalArgumentException.class, () -> store.markEnded(JobId.generate(), JobStatus.SUSPENDED));

        FileSystemJobResultStore next =
                new FileSystemJobResultStore(haDir.toUri().toString());
        assertEquals(JobStatus.FINISHED, next.endedAs(finished));
        assertEquals(JobStatus.CANCELED, next.endedAs(canceled));
        assertNull(next.endedAs(JobId.generate()));
    }
}
