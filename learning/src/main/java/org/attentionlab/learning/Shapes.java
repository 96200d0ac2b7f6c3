package org.attentionlab.learning;

import java.util.Arrays;
import java.util.Objects;
import org.attentionlab.api.Tensor;

/** The one check every backward makes of the gradient it is handed: it has the forward output's shape. */
final class Shapes {

    private Shapes() {
    }

    /** Throws {@link IllegalArgumentException} naming the operation if {@code t} is not {@code [expected]}. */
    static void require(String operation, String what, Tensor t, int[] expected) {
        Objects.requireNonNull(t, what);
        if (!Arrays.equals(t.shape(), expected)) {
            throw new IllegalArgumentException(operation + ": " + what + " has shape " + Arrays.toString(t.shape())
                    + ", expected " + Arrays.toString(expected));
        }
    }
}
