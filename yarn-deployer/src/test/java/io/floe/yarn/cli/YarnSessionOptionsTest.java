package io.floe.yarn.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.floe.client.cli.CliException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YarnSessionOptionsTest {

    @Test
    void flagsBecomeFlinksKeysAndWinOverDashD() throws CliException {
        YarnSessionOptions options = YarnSessionOptions.parse(new String[] {
            "-Dtaskmanager.numberOfTaskSlots=2",
            "-jm",
            "1024",
            "-tm",
            "2g",
            "-s",
            "3",
            "-nm",
            "etl",
            "-qu",
            "analytics",
            "-d"
        });
        assertEquals(
                Map.of(
                        "taskmanager.numberOfTaskSlots",
                        "3",
                        "jobmanager.memory.process.size",
                        "1024m",
                        "taskmanager.memory.process.size",
                        "2g",
                        "yarn.application.name",
                        "etl",
                        "yarn.application.queue",
                        "analytics"),
                options.settings());
        assertTrue(options.detached());
    }

    @Test
    void attachAndQueryFlags() throws CliException {
        YarnSessionOptions options = YarnSessionOptions.parse(new String[] {"-id", "application_1_0001"});
        assertEquals("application_1_0001", options.applicationId());
        assertTrue(YarnSessionOptions.parse(new String[] {"-q"}).query());
    }

    @Test
    void badInputIsNamed() {
        assertEquals(
                "Option -s needs a positive number of slots, not 'two'",
                assertThrows(CliException.class, () -> YarnSessionOptions.parse(new String[] {"-s", "two"}))
                        .getMessage());
        assertEquals(
                "Option -D needs key=value, not 'foo'",
                assertThrows(CliException.class, () -> YarnSessionOptions.parse(new String[] {"-D", "foo"}))
                        .getMessage());
        assertEquals(
                "Unexpected argument 'job.jar'; see yarn-session.sh -h",
                assertThrows(CliException.class, () -> YarnSessionOptions.parse(new String[] {"job.jar"}))
                        .getMessage());
        assertTrue(assertThrows(CliException.class, () -> YarnSessionOptions.parse(new String[] {"-x"}))
                .getMessage()
                .contains("-x"));
    }
}
