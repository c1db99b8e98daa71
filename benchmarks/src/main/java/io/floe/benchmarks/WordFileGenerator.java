package io.floe.benchmarks;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Random;
import java.util.Set;

/**
 * Writes the W3 input: the word file that Apache Flink's anchor measurements read, bit for bit.
 *
 * <p>Everything is drawn from one {@code java.util.Random(20240601)}, in this order: a vocabulary
 * of 50,000 distinct words (length {@code 3 + nextInt(8)}, letters {@code 'a' + nextInt(26)}, a
 * word already drawn is drawn again), then lines of {@code 6 + nextInt(9)} words picked by a
 * Zipf(s = 1) law over the vocabulary's ranks (the first word drawn is the most frequent), single
 * spaces between words and {@code '\n'} after each line, until the file holds at least
 * {@link #MIN_BYTES} bytes. The result is checked against {@link #EXPECTED_SHA256}.
 */
public final class WordFileGenerator {
    /** Where the suite keeps the file between runs. */
    public static final String DEFAULT_PATH = "/tmp/floe-words.txt";

    public static final long SEED = 20240601L;
    public static final int DISTINCT_WORDS = 50_000;
    public static final long MIN_BYTES = 100_000_000L;

    /** What the anchor's file measures; a file with these properties is the anchor's file. */
    public static final long EXPECTED_BYTES = 100_000_057L;

    public static final long EXPECTED_WORDS = 13_181_691L;
    public static final long EXPECTED_FINGERPRINT = -3_799_008_307_093_973L;
    public static final String EXPECTED_SHA256 = "6daef16f77c0264ab947f2e7920d3055611865114ea92420ae5d41529dcbfb2d";

    private final Random random;
    private final int distinctWords;
    private final long minBytes;

    WordFileGenerator(long seed, int distinctWords, long minBytes) {
        this.random = new Random(seed);
        this.distinctWords = distinctWords;
        this.minBytes = minBytes;
    }

    /** The generator of the anchor's file. */
    public static WordFileGenerator anchor() {
        return new WordFileGenerator(SEED, DISTINCT_WORDS, MIN_BYTES);
    }

    /** Facts about a written file. */
    public record Summary(long bytes, long lines, long words, String sha256) {}

    /**
     * Writes the file (through a temporary sibling, so a half-written file never has the final
     * name) and returns what it holds.
     */
    public Summary write(Path target) throws IOException {
        Path temp = target.resolveSibling(target.getFileName() + ".tmp");
        Summary summary;
        try (OutputStream out = Files.newOutputStream(temp)) {
            summary = write(out);
        }
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        return summary;
    }

    /** Writes the text to a stream; the stream is not closed. */
    public Summary write(OutputStream target) throws IOException {
        MessageDigest sha256 = newSha256();
        DigestOutputStream digesting = new DigestOutputStream(target, sha256);
        BufferedOutputStream out = new BufferedOutputStream(digesting, 1 << 16);
        byte[][] vocabulary = drawVocabulary();
        double[] cumulative = zipfCumulativeWeights(vocabulary.length);
        double total = cumulative[cumulative.length - 1];
        long bytes = 0;
        long lines = 0;
        long words = 0;
        while (bytes < minBytes) {
            int wordsInLine = 6 + random.nextInt(9);
            for (int i = 0; i < wordsInLine; i++) {
                if (i > 0) {
                    out.write(' ');
                    bytes++;
                }
                byte[] word = vocabulary[rankOf(cumulative, random.nextDouble() * total)];
                out.write(word);
                bytes += word.length;
            }
            out.write('\n');
            bytes++;
            lines++;
            words += wordsInLine;
        }
        out.flush();
        return new Summary(bytes, lines, words, HexFormat.of().formatHex(sha256.digest()));
    }

    private byte[][] drawVocabulary() {
        Set<String> seen = new HashSet<>();
        byte[][] vocabulary = new byte[distinctWords][];
        int drawn = 0;
        while (drawn < distinctWords) {
            char[] letters = new char[3 + random.nextInt(8)];
            for (int i = 0; i < letters.length; i++) {
                letters[i] = (char) ('a' + random.nextInt(26));
            }
            String word = new String(letters);
            if (seen.add(word)) {
                vocabulary[drawn++] = word.getBytes(StandardCharsets.US_ASCII);
            }
        }
        return vocabulary;
    }

    /** cumulative[i] = sum of 1/(k+1) for k = 0..i: Zipf weights with exponent 1 by rank. */
    static double[] zipfCumulativeWeights(int ranks) {
        double[] cumulative = new double[ranks];
        double sum = 0;
        for (int i = 0; i < ranks; i++) {
            sum += 1.0 / (i + 1);
            cumulative[i] = sum;
        }
        return cumulative;
    }

    /** The first rank whose cumulative weight exceeds {@code point}. */
    static int rankOf(double[] cumulative, double point) {
        int low = 0;
        int high = cumulative.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (cumulative[middle] > point) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }

    /** The SHA-256 of a file, as lower-case hex. */
    public static String sha256Of(Path file) throws IOException {
        MessageDigest sha256 = newSha256();
        byte[] buffer = new byte[1 << 16];
        try (var in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                sha256.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(sha256.digest());
    }

    /**
     * Returns {@code file} once it holds the anchor's text: kept when its size and hash match,
     * else (re)written and checked.
     *
     * @throws IllegalStateException when the written file does not match the anchor's hash
     */
    public static Path ensureAnchorFile(Path file) throws IOException {
        if (Files.isRegularFile(file) && Files.size(file) == EXPECTED_BYTES && EXPECTED_SHA256.equals(sha256Of(file))) {
            return file;
        }
        Summary summary = anchor().write(file);
        if (!EXPECTED_SHA256.equals(summary.sha256())) {
            throw new IllegalStateException(
                    "Generated " + file + " (" + summary + ") does not match the anchor's sha256 " + EXPECTED_SHA256);
        }
        return file;
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** {@code WordFileGenerator [--out /tmp/floe-words.txt]}: writes the file and prints its summary. */
    public static void main(String[] args) throws IOException {
        Path out = Path.of(args.length == 2 && args[0].equals("--out") ? args[1] : DEFAULT_PATH);
        Summary summary = anchor().write(out);
        System.out.println(out + ": bytes=" + summary.bytes() + " lines=" + summary.lines() + " words="
                + summary.words() + " sha256=" + summary.sha256()
                + (EXPECTED_SHA256.equals(summary.sha256())
                        ? " (matches the anchor)"
                        : " (DOES NOT match the anchor)"));
    }
}
