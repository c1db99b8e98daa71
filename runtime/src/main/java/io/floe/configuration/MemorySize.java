package io.floe.configuration;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A number of bytes written as Flink does: "1024m", "1 gb", "32kb", "768mb"; a bare number is bytes. */
public final class MemorySize {
    private static final Pattern PATTERN = Pattern.compile("(\\d+)\\s*([a-zA-Z]*)");

    private final long bytes;

    public MemorySize(long bytes) {
        if (bytes < 0) throw new IllegalArgumentException("negative memory size: " + bytes);
        this.bytes = bytes;
    }

    public static MemorySize ofMebiBytes(long mebiBytes) {
        return new MemorySize(mebiBytes << 20);
    }

    public long getBytes() {
        return bytes;
    }

    public long getKibiBytes() {
        return bytes >> 10;
    }

    public int getMebiBytes() {
        return (int) (bytes >> 20);
    }

    public static MemorySize parse(String text) {
        Matcher m = PATTERN.matcher(text.trim());
        if (!m.matches()) throw new IllegalArgumentException(text);
        long amount = Long.parseLong(m.group(1));
        switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "":
            case "b":
            case "bytes":
                return new MemorySize(amount);
            case "k":
            case "kb":
            case "kibibytes":
                return new MemorySize(amount << 10);
            case "m":
            case "mb":
            case "mebibytes":
                return new MemorySize(amount << 20);
            case "g":
            case "gb":
            case "gibibytes":
                return new MemorySize(amount << 30);
            case "t":
            case "tb":
            case "tebibytes":
                return new MemorySize(amount << 40);
            default:
                throw new IllegalArgumentException(text);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof MemorySize && ((MemorySize) o).bytes == bytes;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(bytes);
    }

    @Override
    public String toString() {
        if (bytes != 0 && bytes % (1L << 30) == 0) return (bytes >> 30) + "g";
        if (bytes != 0 && bytes % (1L << 20) == 0) return (bytes >> 20) + "m";
        if (bytes != 0 && bytes % (1L << 10) == 0) return (bytes >> 10) + "k";
        return bytes + "b";
    }
}
