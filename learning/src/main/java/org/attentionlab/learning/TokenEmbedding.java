package org.attentionlab.learning;

import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;
import org.attentionlab.text.Embedding;

/**
 * A token embedding look-up ({@link Embedding}) and its derivative.
 *
 * <p>Looking up row {@code ids[t]} of the table E is a product with a one-hot matrix: row
 * {@code t} of {@code onehot(ids)} is 1 at column {@code ids[t]} and 0 elsewhere, so
 *
 * <pre>
 *   forward   x = onehot(ids)·E            [B·T, V]·[V, D] -> [B·T, D]   (computed as a look-up)
 *   backward  dE = onehot(ids)ᵀ·dx         [V, B·T]·[B·T, D] -> [V, D]
 * </pre>
 *
 * <p>Row {@code v} of {@code dE} is the sum of {@code dx} over every position that holds token
 * {@code v}; a token that does not occur gets zero gradient. The backward is written as that
 * product (on the kernel) because it reads like the math; a large model would add rows instead.
 */
public final class TokenEmbedding {

    private TokenEmbedding() {
    }

    /** {@code [B][T] -> [B, T, D]}: {@link Embedding#lookup(int[][])}. */
    public static Tensor forward(Embedding embedding, int[][] ids) {
        return embedding.lookup(ids);
    }

    /**
     * {@code dE = onehot(ids)ᵀ·dx}, the gradient of the table {@code [V, D]}.
     *
     * @param ids the forward's ids {@code [B][T]}
     * @param dx  the gradient of the looked-up vectors {@code [B, T, D]}
     */
    public static Tensor backward(Kernel kernel, Embedding embedding, int[][] ids, Tensor dx) {
        Objects.requireNonNull(ids, "ids");
        int batch = ids.length;
        int length = batch == 0 ? 0 : ids[0].length;
        int d = embedding.dModel();
        Shapes.require("TokenEmbedding.backward", "dx", dx, new int[] {batch, length, d});
        int positions = batch * length;
        Tensor oneHotTransposed = Tensor.generate(new int[] {embedding.vocabularySize(), positions}, out -> { // [V, B·T]
            for (int p = 0; p < positions; p++) {
                out.set(ids[p / length][p % length] * positions + p, 1f);
            }
        });
        return kernel.matmul(oneHotTransposed, dx.reshape(positions, d)); // [V, B·T]·[B·T, D] -> [V, D]
    }
}
