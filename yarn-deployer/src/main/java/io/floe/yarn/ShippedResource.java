package io.floe.yarn;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.yarn.api.records.LocalResource;
import org.apache.hadoop.yarn.api.records.LocalResourceType;
import org.apache.hadoop.yarn.api.records.LocalResourceVisibility;
import org.apache.hadoop.yarn.api.records.URL;

/**
 * A file on the cluster's file system that a container gets localized under {@code key} (a path
 * relative to its working directory). The client uploads once and describes each file in the
 * ApplicationMaster's environment ({@link #encode}); the ApplicationMaster decodes the list to give
 * its TaskManagers the very same files, so nothing is uploaded per container. Immutable.
 */
public record ShippedResource(
        String key, URI uri, long size, long timestamp, LocalResourceVisibility visibility, LocalResourceType type) {

    /** A file, localized as it is. */
    public static ShippedResource of(String key, FileStatus status, LocalResourceVisibility visibility) {
        return of(key, status, visibility, LocalResourceType.FILE);
    }

    /** A file, or (ARCHIVE) a zip that the NodeManager unpacks into the directory {@code key}. */
    public static ShippedResource of(
            String key, FileStatus status, LocalResourceVisibility visibility, LocalResourceType type) {
        return new ShippedResource(
                key, status.getPath().toUri(), status.getLen(), status.getModificationTime(), visibility, type);
    }

    public LocalResource toLocalResource() {
        return LocalResource.newInstance(URL.fromPath(new Path(uri)), type, visibility, size, timestamp);
    }

    /** {@code key|uri|size|timestamp|visibility|type} entries joined by {@code ;} (keys and URIs hold neither). */
    public static String encode(List<ShippedResource> resources) {
        StringBuilder out = new StringBuilder();
        for (ShippedResource r : resources) {
            if (r.key.contains("|") || r.key.contains(";")) {
                throw new IllegalArgumentException("A shipped file name may not contain '|' or ';': " + r.key);
            }
            out.append(out.length() == 0 ? "" : ";")
                    .append(r.key)
                    .append('|')
                    .append(r.uri)
                    .append('|')
                    .append(r.size)
                    .append('|')
                    .append(r.timestamp)
                    .append('|')
                    .append(r.visibility.name())
                    .append('|')
                    .append(r.type.name());
        }
        return out.toString();
    }

    public static List<ShippedResource> decode(String encoded) {
        List<ShippedResource> resources = new ArrayList<>();
        if (encoded == null || encoded.isBlank()) {
            return resources;
        }
        for (String entry : encoded.split(";")) {
            String[] parts = entry.split("\\|");
            if (parts.length != 6) {
                throw new IllegalArgumentException("Malformed shipped-file entry '" + entry + "'");
            }
            resources.add(new ShippedResource(
                    parts[0],
                    URI.create(parts[1]),
                    Long.parseLong(parts[2]),
                    Long.parseLong(parts[3]),
                    LocalResourceVisibility.valueOf(parts[4]),
                    LocalResourceType.valueOf(parts[5])));
        }
        return resources;
    }

    public static Map<String, LocalResource> toLocalResources(List<ShippedResource> resources) {
        Map<String, LocalResource> map = new LinkedHashMap<>();
        for (ShippedResource r : resources) {
            map.put(r.key, r.toLocalResource());
        }
        return map;
    }
}
