package org.attentionlab.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * Gives each position in a sequence a vector that is added to the token embeddings, so that
 * attention, which otherwise ignores order, can tell "dog bites man" from "man bites dog"
 * (Vaswani et al. 2017, section 3.5).
 *
 * <p>Implementations are immutable and thread-safe. Errors are {@link IllegalArgumentException}.
 */
public interface PositionalEncoding {

    /** The width of each position vector, equal to the model width {@code D}. */
    int dModel();

    /**
     * The encodings of positions {@code 0..length-1}: {@code [T, D]} with {@code T = length}.
     *
     * @throws IllegalArgumentException if {@code length} is negative or more than this encoding supports
     */
    Tensor encodings(int length);

    /** {@code x + PE}: adds the encodings to every sequence of {@code x}, which is {@code [T, D]} or {@code [B, T, D]}. */
    default Tensor addTo(Tensor x) {
        Objects.requireNonNull(x, "x");
        if (x.rank() < 2 || x.dim(-1) != dModel()) {
            throw new IllegalArgumentException("PositionalEncoding.addTo: input " + Arrays.toString(x.shape())
                    + " is not [T, " + dModel() + "] or [B, T, " + dModel() + "]");
        }
        return x.plus(encodings(x.dim(-2)));
    }
}
