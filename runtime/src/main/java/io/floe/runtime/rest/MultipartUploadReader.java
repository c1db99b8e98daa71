package io.floe.runtime.rest;

import io.floe.runtime.rest.handler.RestHandlerException;
import io.floe.runtime.rest.handler.UploadedFiles;
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
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(MultipartUploadReader.class);
    private static final String REQUEST_DIRECTORY_PREFIX = "floe-upload-";

    private final Path requestDirectory;
    private final HttpPostRequestDecoder decoder;
    private boolean closed;

    /**
     * @throws RestHandlerException (400) if the multipart header is malformed, e.g. has no boundary or an unknown
     * charset
     * @throws IOException if the request's upload directory cannot be created
     */
    MultipartUploadReader(HttpRequest head, Path uploadDirectory) throws IOException {
        Files.createDirectories(uploadDirectory);
        this.requestDirectory =
                Files.createDirectory(uploadDirectory.resolve(REQUEST_DIRECTORY_PREFIX + UUID.randomUUID()));
        DefaultHttpDataFactory factory = new DefaultHttpDataFactory(true, StandardCharsets.UTF_8);
        factory.setBaseDir(requestDirectory.toString());
        // deleteOnExit would keep a reference to every file ever uploaded until the JVM exits
        factory.setDeleteOnExit(false);
        try {
            this.decoder = new HttpPostRequestDecoder(factory, head, StandardCharsets.UTF_8);
        } catch (RuntimeException e) { // Netty's decoder also throws plain runtime exceptions for a bad header
            UploadedFiles.deleteRecursively(requestDirectory);
            throw malformedHeader(e);
        }
    }

    /**
     * Whether the request is multipart/form-data.
     *
     * @throws RestHandlerException (400) if its Content-Type says multipart but cannot be used (an
     *     empty boundary, an unknown charset)
     */
    static boolean isMultipart(HttpRequest request) {
        try {
            return HttpPostRequestDecoder.isMultipart(request);
        } catch (RuntimeException e) {
            throw malformedHeader(e);
        }
    }

    /** Feeds the next chunk; the caller keeps ownership of {@code content} (the decoder copies it). */
    void offer(HttpContent content) {
        try {
            decoder.offer(content);
        } catch (RuntimeException e) {
            throw malformedBody(e);
        }
    }

    // The decoder's messages name Java classes ("NullPointerException: Cannot invoke ..."): the client
    // gets what is wrong in its own terms, the log (DEBUG) the exception.
    private static RestHandlerException malformedHeader(RuntimeException e) {
        LOG.debug("Refusing a multipart header", e);
        return RestHandlerException.badRequest("Malformed multipart request: the Content-Type header needs a non-empty "
                + "boundary and, if it names one, a known charset (multipart/form-data; boundary=...).");
    }

    private static RestHandlerException malformedBody(RuntimeException e) {
        if (e instanceof RestHandlerException known) {
            return known;
        }
        LOG.debug("Refusing a multipart body", e);
        return RestHandlerException.badRequest("Malformed multipart request: the body does not follow the "
                + "multipart/form-data format with the boundary of its Content-Type.");
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
                        throw RestHandlerException.badRequest(
                                "Form field '" + attribute.getName() + "' was sent twice.");
                    }
                }
            }
        } catch (RuntimeException e) {
            discard();
            throw malformedBody(e);
        } catch (IOException e) {
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
                throw RestHandlerException.badRequest(
                        "An uploaded file has no usable file name ('" + clientName + "').");
            }
            return name.toString();
        } catch (InvalidPathException e) {
            throw RestHandlerException.badRequest("An uploaded file has an invalid file name ('" + clientName + "').");
        }
    }

    /** The request's form fields by name and its files by the client's file name. */
    record Result(Map<String, String> formFields, UploadedFiles uploadedFiles) {}
}
