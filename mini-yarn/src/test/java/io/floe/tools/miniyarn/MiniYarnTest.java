package io.floe.tools.miniyarn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MiniYarnTest {
    @TempDir
    Path dir;

    @Test
    void anUnknownCommandIsAUsageError() {
        assertEquals(1, MiniYarn.run(List.of("launch")));
        assertEquals(1, MiniYarn.run(List.of()));
    }

    @Test
    void appStatusWithoutAYarnSiteOrWithABadIdIsAUsageError() throws Exception {
        assertEquals(1, MiniYarn.run(List.of("app-status", dir.toString(), "application_1_0001")));
        HadoopSiteFiles.write(MiniHadoopSettings.defaults().toConfiguration(), dir);
        assertEquals(1, MiniYarn.run(List.of("app-status", dir.toString(), "job_1_0001")));
        assertEquals(1, MiniYarn.run(List.of("app-status", dir.toString(), "application_1_0001", "soon")));
    }
}
