package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class ContainerDiagnosticsTest {
    /** What YARN 3.4 reported for an ApplicationMaster that failed at start (the error file's tail given twice). */
    private static String applicationDiagnostics(String errorFileTail) {
        String container = "[2026-12-03 07:59:44.063]Exception from container-launch.\n"
                + "Container id: container_1796284773991_0001_01_000001\nExit code: 1\n\n"
                + "[2026-12-03 07:59:44.083]Container exited with a non-zero exit code 1. Error file: prelaunch.err.\n"
                + "Last 4096 bytes of prelaunch.err :\n" + errorFileTail + "\n";
        return "Application application_1796284773991_0001 failed 1 times due to AM Container for "
                + "appattempt_1796284773991_0001_000001 exited with  exitCode: 1\nFailing this attempt.Diagnostics: "
                + container + container + "For more detailed output, check the application tracking page: "
                + "http://localhost:34345/cluster/app/application_1796284773991_0001 Then click on links to logs of "
                + "each "
                + "attempt.\n. Failing the application.";
    }

    @Test
    void findsTheFirstExceptionOfTheErrorFilesTail() {
        String tail =
                "SLF4J: a warning\nThe session ApplicationMaster failed: java.net.BindException: Address already in "
                        + "use\n"
                        + "Caused by: java.io.IOException: bind";
        assertEquals(
                "The session ApplicationMaster failed: java.net.BindException: Address already in use",
                ContainerDiagnostics.cause(applicationDiagnostics(tail)));
    }

    @Test
    void skipsStackFrames() {
        String tail = "\tat io.floe.Foo.bar(Foo.java:1)\n\t... 3 more\nException in thread \"main\" "
                + "java.lang.OutOfMemoryError: Java heap space";
        assertEquals(
                "Exception in thread \"main\" java.lang.OutOfMemoryError: Java heap space",
                ContainerDiagnostics.cause(applicationDiagnostics(tail)));
    }

    @Test
    void takesTheFirstLineOfAJvmThatDidNotStart() {
        String tail = "Unrecognized VM option 'NoSuchFloeOption'\nError: Could not create the Java Virtual Machine.";
        assertEquals(
                "Unrecognized VM option 'NoSuchFloeOption'", ContainerDiagnostics.cause(applicationDiagnostics(tail)));
    }

    @Test
    void anEmptyErrorFileSaysNothing() {
        assertNull(ContainerDiagnostics.cause(applicationDiagnostics("")));
        assertNull(ContainerDiagnostics.cause("Container killed on request. Exit code is 143"));
        assertNull(ContainerDiagnostics.cause(null));
    }
}
