package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.configuration.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class YarnPropertiesFileTest {
    @TempDir
    Path dir;

    @Test
    void writesReadsAndDeletesOnlyItsOwnSession() throws Exception {
        Configuration configuration = new Configuration().setString("yarn.properties-file.location", dir.toString());
        YarnPropertiesFile file = YarnPropertiesFile.of(configuration);
        assertEquals(dir.resolve(".yarn-properties-" + System.getProperty("user.name")), file.path());
        assertEquals(Optional.empty(), file.applicationId());

        file.write("application_1_0002");
        assertEquals(Optional.of("application_1_0002"), file.applicationId());
        file.deleteIfNames("application_1_0001"); // an older session's stop leaves the newer one's file alone
        assertTrue(Files.exists(file.path()));
        file.deleteIfNames("application_1_0002");
        assertFalse(Files.exists(file.path()));
    }
}
