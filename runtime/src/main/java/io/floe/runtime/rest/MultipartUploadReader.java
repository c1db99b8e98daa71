package io.floe.runtime.rest;

import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.UploadedFiles;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.multipart.Attribute;
import io.netty.handler.codec.http.multipart.DefaultHttpDataFactory;
import io.netty.handler.codec.http.multipart.FileUpload;
import io.netty.handler.codec.http.multipart.HttpPostRequestDecoder;
import io.netty.handler.codec.http.multipart.InterfaceHttpData;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Streams one multipart/form-data request to disk with Netty's {@link HttpPostRequestDecoder}.
 *
 * <p>Every part, form fields included, is written by a disk-backed data factory into a directory
 * of this request alone under the upload directory, so nothing of a large upload stays in memory
 * and a request's files never mix with another's. When the request is complete, {@link #finish()}
 * moves each file to {@code <request dir>/<client's file name>} and hands the directory over;
 * {@link #discard()} instead deletes everything, half-written parts included.
 *
 * <p>Threading: confined to the connection's event loop (the decoder writes to disk there, as
 * Netty's multipart decoding does); not thread-safe.
 */
final class MultipartUploadReader {
    private static final String REQUEST_DIRECTORY_PREFIX = "floe-upload-";

    private final Path requestDirectory;
    private final HttpPostRequestDecoder decoder;
    private boolean closed;

    /**
     * @throws RestHandlerException (400) if the multipart header is malformed, e.g. has no boundary
     * @throws IOException if the request's upload directory cannot be created
     */
    MultipartUploadReader(HttpRequest head, Path uploadDirectory) throws IOException {
        Files.createDirectories(uploadDirectory);
        this.requestDirectory = Files.createDirectory(uploadDirectory.resolve(REQUEST_DIRECTORY_PREFIX + UUID.randomUUID()));
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(true, StandardCharsets.UTF_8);
        factory.setBaseDir(requestDirectory.toString());
        // deleteOnExit would keep a reference to every file ever uploaded until the JVM exits
        factory.setDeleteOnExit(false);
        try {
            this.decoder = new HttpPostRequestDecoder(factory, head, StandardCharsets.UTF_8);
        } catch (DecoderException e) {
            UploadedFiles.deleteRecursively(requestDirectory);
            throw RestHandlerException.badRequest("Malformed multipart request: " + e.getMessage());
        }
    }

    /** Feeds the next chunk; the caller keeps ownership of {@code content} (the decoder copies it). */
    void offer(HttpContent content) {
        try {
            decoder.offer(content);
        } catch (DecoderException e) {
            throw RestHandlerException.badRequest("Malformed multipart request: " + e.getMessage());
        }
    }

    /** The form fields and the files of the complete request; the files now belong to the caller. */
    Result finish() throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        Map<String, Path> files = new LinkedHashMap<>();
        try {
            for (InterfaceHttpData data : decoder.getBodyHttpDatas()) {
                if (data instanceof FileUpload upload && upload.isCompleted()) {
                    String name = fileName(upload.getFilename());
                    Path target = requestDirectory.resolve(name);
                    if (files.containsKey(name)) {
                        throw RestHandlerException.badRequest("File '" + name + "' was uploaded twice.");
                    }
                    if (!upload.renameTo(target.toFile())) {
                        throw new IOException("Could not move the upload of '" + name + "' to " + target);
                    }
                    files.put(name, target);
                } else if (data instanceof Attribute attribute) {
                    if (fields.putIfAbsent(attribute.getName(), attribute.getValue()) != null) {
                        throw RestHandlerException.badRequest("Form field '" + attribute.getName() + "' was sent twice.");
                    }
                }
            }
        } catch (DecoderException e) {
            discard();
            throw RestHandlerException.badRequest("Malformed multipart request: " + e.getMessage());
        } catch (RuntimeException | IOException e) {
            discard();
            throw e;
        }
        // deletes the decoder's remaining temporary files; moved uploads are not its to delete any more
        closeDecoder();
        if (files.isEmpty()) {
            UploadedFiles.deleteRecursively(requestDirectory);
            return new Result(fields, UploadedFiles.none());
        }
        return new Result(fields, UploadedFiles.of(requestDirectory, files));
    }

    /** Deletes everything this request wrote, complete or not. Idempotent. */
    void discard() {
        closeDecoder();
        UploadedFiles.deleteRecursively(requestDirectory);
    }

    private void closeDecoder() {
        if (!closed) {
            closed = true;
            decoder.destroy();
        }
    }

    /** Keeps only the last path element, so a client cannot write outside the request's directory. */
    private static String fileName(String clientName) {
        try {
            Path name = clientName == null ? null : Path.of(clientName).getFileName();
            if (name == null || name.toString().isBlank() || name.toString().equals("..")) {
                throw RestHandlerException.badRequest("An uploaded file has no usable file name ('" + clientName + "').");
            }
            return name.toString();
        } catch (InvalidPathException e) {
            throw RestHandlerException.badRequest("An uploaded file has an invalid file name ('" + clientName + "').");
        }
    }

    /** The request's form fields by name and its files by the client's file name. */
    record Result(Map<String, String> formFields, UploadedFiles uploadedFiles) {}
}
