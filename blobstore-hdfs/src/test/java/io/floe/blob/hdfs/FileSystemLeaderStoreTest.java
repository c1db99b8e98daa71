package io.floe.blob.hdfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.runtime.highavailability.LeaderRetrieval.Leader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The leader file: none before the first leader, the newest after, a damaged one refused with its path. */
class FileSystemLeaderStoreTest {
    @TempDir
    Path haDir;

    @Test
    void aReaderSeesTheLatestPublishedLeader() throws Exception {
        FileSystemLeaderStore store = new FileSystemLeaderStore(haDir.toUri().toString());
        assertNull(store.current(), "nothing published yet");
        store.publish(new Leader("host-a:4001/resourcemanager", "appattempt_1_0001_000001"));
        store.publish(new Leader("host-b:4002/resourcemanager", "appattempt_1_0001_000002"));
        FileSystemLeaderStore reader = new FileSystemLeaderStore(haDir.toUri().toString()); // a TaskManager's
        assertEquals(new Leader("host-b:4002/resourcemanager", "appattempt_1_0001_000002"), reader.current());

        store.withdraw(new Leader("host-a:4001/resourcemanager", "appattempt_1_0001_000001"));
        assertEquals("appattempt_1_0001_000002", reader.current().token(), "an earlier leader withdraws nothing");
        store.withdraw(new Leader("host-b:4002/resourcemanager", "appattempt_1_0001_000002"));
        assertNull(reader.current(), "the cluster ended: the place is free");
    }

    @Test
    void aDamagedLeaderFileIsRefusedNamingIt() throws Exception {
        Files.writeString(haDir.resolve("leader"), "appattempt_only\n");
        IOException e = assertThrows(
                IOException.class, () -> new FileSystemLeaderStore(haDir.toUri().toString()).current());
        assertTrue(e.getMessage().contains("leader") && e.getMessage().contains("damaged"), e.getMessage());
    }
}
