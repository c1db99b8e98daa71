package io.floe.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ExampleArgumentsTest {

    @Test
    void readsNamedValuesWithFallbacks() {
        ExampleArguments arguments = ExampleArguments.parse(new String[] {"--input", "/in", "--events", "7"});
        assertTrue(arguments.has("input"));
        assertFalse(arguments.has("output"));
        assertEquals("/in", arguments.get("input", null));
        assertEquals("localhost", arguments.get("hostname", "localhost"));
        assertEquals(7, arguments.getLong("events", 1));
        assertEquals(10, arguments.getLong("keys", 10));
    }

    @Test
    void rejectsMissingValuesStrayWordsAndBadNumbers() {
        assertEquals(
                "Argument --output needs a value",
                assertThrows(IllegalArgumentException.class, () -> ExampleArguments.parse(new String[] {"--output"}))
                        .getMessage());
        assertEquals(
                "Argument --input needs a value",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ExampleArguments.parse(new String[] {"--input", "--output", "x"}))
                        .getMessage());
        assertEquals(
                "Expected --name value, got 'input'",
                assertThrows(IllegalArgumentException.class, () -> ExampleArguments.parse(new String[] {"input", "x"}))
                        .getMessage());
        ExampleArguments arguments = ExampleArguments.parse(new String[] {"--port", "ninety"});
        assertEquals(
                "--port needs a number, not 'ninety'",
                assertThrows(IllegalArgumentException.class, () -> arguments.getLong("port", 1))
                        .getMessage());
    }
}
