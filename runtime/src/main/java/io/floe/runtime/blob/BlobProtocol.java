package io.floe.runtime.blob;

/**
 * The bytes a BlobCache and the BlobServer exchange (after the optional secret challenge).
 *
 * <pre>
 * request  = length:int32 | op:int8 (GET) | type:int8 | sha256:32 bytes | hasJob:int8 | [jobId:16 bytes]
 * response = OK:int8 | length:int64 | content
 *          | NOT_FOUND:int8 | messageLength:uint16 | UTF-8 message
 *          | ERROR:int8     | messageLength:uint16 | UTF-8 message
 * </pre>
 *
 * A connection may carry several requests, one after the other.
 */
final class BlobProtocol {
    static final int LENGTH_FIELD_LENGTH = Integer.BYTES;
    /** No valid request is longer; longer frames close the connection. */
    static final int MAX_REQUEST_LENGTH = 128;

    static final byte GET = 1;

    static final byte OK = 0;
    static final byte NOT_FOUND = 1;
    static final byte ERROR = 2;

    /** Error messages are cut to this many characters. */
    static final int MAX_MESSAGE_CHARS = 2000;

    static final int CHUNK_SIZE = 64 * 1024;

    private BlobProtocol() {}
}
