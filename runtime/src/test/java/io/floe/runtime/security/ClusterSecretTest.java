package io.floe.runtime.security;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSecretTest {
    private static final byte[] NONCE = "a nonce of thirty-two bytes.....".getBytes(StandardCharsets.US_ASCII);

    @TempDir
    Path dir;

    @Test
    void secretWrittenToAFileIsReadBackAndOnlyItsOwnerMayReadIt() throws IOException {
        ClusterSecret secret = ClusterSecret.generate();
        Path file = dir.resolve("secret");
        secret.writeTo(file);

        ClusterSecret loaded = ClusterSecret.load(file);

        assertArrayEquals(secret.hmac(NONCE), loaded.hmac(NONCE));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void neverOverwritesASecretFile() throws IOException {
        Path file = dir.resolve("secret");
        ClusterSecret.generate().writeTo(file);

        assertThrows(
                FileAlreadyExistsException.class, () -> ClusterSecret.generate().writeTo(file));
    }

    @Test
    void fileThatIsNotBase64IsRefusedNamingTheFile() throws IOException {
        Path file = Files.writeString(dir.resolve("secret"), "not base64 !!\n");

        IOException failure = assertThrows(IOException.class, () -> ClusterSecret.load(file));

        assertTrue(failure.getMessage().contains(file.toString()), failure.getMessage());
    }

    @Test
    void shortSecretIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ClusterSecret.of(new byte[8]));
    }

    @Test
    void answerIsValidOnlyForTheSameSecretAndNonce() {
        ClusterSecret secret = ClusterSecret.generate();
        byte[] answer = secret.hmac(NONCE);

        assertEquals(32, answer.length);
        assertTrue(secret.isValidAnswer(NONCE, answer));
        assertFalse(ClusterSecret.generate().isValidAnswer(NONCE, answer));
        assertFalse(secret.isValidAnswer("another nonce".getBytes(StandardCharsets.US_ASCII), answer));
        assertFalse(secret.isValidAnswer(NONCE, new byte[5]));
        assertFalse(secret.isValidAnswer(NONCE, null));
    }

    @Test
    void toStringDoesNotRevealTheSecret() {
        assertEquals("ClusterSecret(32 bytes)", ClusterSecret.generate().toString());
    }
}
