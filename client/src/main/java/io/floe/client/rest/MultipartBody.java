package io.floe.client.rest;

import java.io.FileNotFoundException;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Builds a multipart/form-data body (RFC 7578) of form fields and files. Files are streamed from
 * disk when the request is sent, not read into memory. Not thread-safe; build, then send once.
 */
final class MultipartBody {
    private final String boundary = "floe-" + UUID.randomUUID().toString().replace("-", "");
    private final List<BodyPublisher> parts = new ArrayList<>();

    /** A form field whose value is JSON text. */
    MultipartBody addJsonField(String name, String json) {
        parts.add(text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + checked(name) + "\"\r\n"
                + "Content-Type: application/json; charset=UTF-8\r\n\r\n"));
        parts.add(BodyPublishers.ofByteArray(json.getBytes(StandardCharsets.UTF_8)));
        parts.add(text("\r\n"));
        return this;
    }

    /** A file part with the given bytes. */
    MultipartBody addFile(String fieldName, String fileName, byte[] content) {
        parts.add(fileHeader(fieldName, fileName));
        parts.add(BodyPublishers.ofByteArray(content));
        parts.add(text("\r\n"));
        return this;
    }

    /** A file part streamed from disk. */
    MultipartBody addFile(String fieldName, Path file) throws FileNotFoundException {
        BodyPublisher content = BodyPublishers.ofFile(file);
        parts.add(fileHeader(fieldName, file.getFileName().toString()));
        parts.add(content);
        parts.add(text("\r\n"));
        return this;
    }

    String contentType() {
        return "multipart/form-data; boundary=" + boundary;
    }

    /** Every part and the closing boundary; the length is known, so it is sent with Content-Length. */
    BodyPublisher publisher() {
        List<BodyPublisher> all = new ArrayList<>(parts);
        all.add(text("--" + boundary + "--\r\n"));
        return BodyPublishers.concat(all.toArray(new BodyPublisher[0]));
    }

    private BodyPublisher fileHeader(String fieldName, String fileName) {
        return text("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + checked(fieldName)
                + "\"; filename=\"" + checked(fileName) + "\"\r\nContent-Type: application/octet-stream\r\n\r\n");
    }

    /** Names go into a quoted header value, which has no escaping that every server undoes. */
    private static String checked(String name) {
        if (name.isEmpty() || name.chars().anyMatch(c -> c == '"' || c == '\r' || c == '\n')) {
            throw new IllegalArgumentException("Cannot upload under the name '" + name
                    + "': names must not be empty or contain quotes or line breaks.");
        }
        return name;
    }

    private static BodyPublisher text(String text) {
        return BodyPublishers.ofByteArray(text.getBytes(StandardCharsets.UTF_8));
    }
}
