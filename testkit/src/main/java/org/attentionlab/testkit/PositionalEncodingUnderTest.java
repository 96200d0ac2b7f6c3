package org.attentionlab.testkit;

import java.util.OptionalInt;
import org.attentionlab.api.PositionalEncoding;

/**
 * What every positional-encoding law needs: the encoding under test and the longest sequence it
 * supports. Implement {@link PositionalEncodingContract} rather than this.
 */
public interface PositionalEncodingUnderTest {

    /**
     * The encoding under test. Called once per law; it may return the same instance every time
     * (encodings are immutable and thread-safe by contract) or a new, equal one.
     */
    PositionalEncoding encoding();

    /**
     * The longest sequence the encoding supports, e.g. the number of rows of a learned table; empty
     * (the default) if every length works, as for the sinusoidal encoding.
     */
    default OptionalInt maxLength() {
        return OptionalInt.empty();
    }

    /** The longest length the laws use: {@link #maxLength()}, but at most {@code cap}. */
    default int longestUpTo(int cap) {
        OptionalInt max = maxLength();
        if (max.isPresent() && max.getAsInt() < 1) {
            throw new IllegalStateException("maxLength() must be at least 1, got " + max.getAsInt());
        }
        return Math.min(cap, max.orElse(Integer.MAX_VALUE));
    }
}
