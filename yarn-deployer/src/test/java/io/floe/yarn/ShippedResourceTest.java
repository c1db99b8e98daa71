package io.floe.yarn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.URI;
import java.util.List;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.junit.jupiter.api.Test;

class ShippedResourceTest {
    @Test
    void survivesTheTripThroughTheApplicationMastersEnvironment() {
        List<ShippedResource> resources = List.of(
                new ShippedResource(
                        "lib/floe-runtime.jar",
                        URI.create("hdfs://nn:8020/user/a/.floe/lib-cache/ab12/floe-runtime.jar"),
                        1234,
                        5678,
                        LocalResourceVisibility.PUBLIC,
                        LocalResourceType.FILE),
                new ShippedResource(
                        "floe-conf",
                        URI.create("hdfs://nn:8020/user/a/.floe/application_1_0001/floe-conf.zip"),
                        10,
                        20,
                        LocalResourceVisibility.APPLICATION,
                        LocalResourceType.ARCHIVE));
        assertEquals(resources, ShippedResource.decode(ShippedResource.encode(resources)));
    }

    @Test
    void anEmptyListIsAnEmptyString() {
        assertEquals("", ShippedResource.encode(List.of()));
        assertEquals(List.of(), ShippedResource.decode(""));
        assertEquals(List.of(), ShippedResource.decode(null));
    }

    @Test
    void refusesNamesThatWouldBreakTheEncoding() {
        ShippedResource bad = new ShippedResource(
                "a;b.jar", URI.create("hdfs://nn/x"), 1, 1, LocalResourceVisibility.PUBLIC, LocalResourceType.FILE);
        assertThrows(IllegalArgumentException.class, () -> ShippedResource.encode(List.of(bad)));
    }

    @Test
    void namesAMalformedEntry() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> ShippedResource.decode("lib/x.jar|hdfs://nn/x"));
        assertEquals("Malformed shipped-file entry 'lib/x.jar|hdfs://nn/x'", e.getMessage());
    }
}
