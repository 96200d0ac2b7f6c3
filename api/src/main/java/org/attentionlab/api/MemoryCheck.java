package org.attentionlab.api;

import java.util.Locale;

/**
 * The check that an operation's memory fits the heap, made before it allocates anything: a
 * T×T tensor grows with the square of the sequence length (T = 8192, H = 8 is 2 GiB per
 * tensor), and the JVM's own {@link OutOfMemoryError} says neither how much was needed nor how
 * to avoid it.
 */
final class MemoryCheck {

    private MemoryCheck() {
    }

    /**
     * Throws {@link IllegalStateException} if {@code bytes} can never fit this JVM's heap (more
     * than {@code -Xmx}), naming the operation, the bytes, the heap and {@code advice}. Below that
     * the allocation is attempted: garbage may still be collected to make room.
     */
    static void requireFits(String operation, long bytes, String advice) {
        long max = Runtime.getRuntime().maxMemory();
        if (bytes > max) {
            throw new IllegalStateException(operation + " needs " + bytesText(bytes) + " but "
                    + heapText() + ". " + advice);
        }
    }

    /** {@code "2.0 GiB (2147483648 bytes)"}. */
    static String bytesText(long bytes) {
        String[] units = {"bytes", "KiB", "MiB", "GiB", "TiB"};
        double value = bytes;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " bytes"
                : String.format(Locale.ROOT, "%.1f %s (%d bytes)", value, units[unit], bytes);
    }

    /** What the heap holds at most, and how to give it more. */
    static String heapText() {
        return "the heap holds at most " + bytesText(Runtime.getRuntime().maxMemory()) + " (raise it with -Xmx)";
    }
}
