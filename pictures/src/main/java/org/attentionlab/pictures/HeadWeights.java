package org.attentionlab.pictures;

import java.util.Arrays;
import org.attentionlab.api.Tensor;

/**
 * One head's attention matrix {@code [Tq, Tk]} out of the weights a layer returns.
 *
 * <p>Accepts the shapes layers produce: {@code [Tq, Tk]} (one head, unbatched), {@code [H, Tq, Tk]}
 * and {@code [B, H, Tq, Tk]} (multi-head attention's {@code AttentionResult.weights()}).
 */
public final class HeadWeights {

    private HeadWeights() {
    }

    /** The number of heads in {@code weights}: 1 for a matrix, else the size of the H axis. */
    public static int heads(Tensor weights) {
        return switch (weights.rank()) {
            case 2 -> 1;
            case 3 -> weights.dim(0);
            case 4 -> weights.dim(1);
            default -> throw badRank("HeadWeights.heads", weights);
        };
    }

    /**
     * Head {@code head} of batch entry {@code batch}: {@code [Tq, Tk]}.
     *
     * @throws IllegalArgumentException if the shape is not one of the above or an index is out of range
     */
    public static Tensor of(Tensor weights, int batch, int head) {
        int rank = weights.rank();
        if (rank < 2 || rank > 4) {
            throw badRank("HeadWeights.of", weights);
        }
        int batches = rank == 4 ? weights.dim(0) : 1;
        if (batch < 0 || batch >= batches || head < 0 || head >= heads(weights)) {
            throw new IllegalArgumentException("HeadWeights.of: no batch " + batch + ", head " + head
                    + " in weights of shape " + Arrays.toString(weights.shape()));
        }
        int tq = weights.dim(-2);
        int tk = weights.dim(-1);
        int matrix = batch * heads(weights) + head;    // which [Tq, Tk] block, in row-major order
        float[] all = weights.toArray();
        return Tensor.fromArray(Arrays.copyOfRange(all, matrix * tq * tk, (matrix + 1) * tq * tk), tq, tk); // [Tq, Tk]
    }

    private static IllegalArgumentException badRank(String operation, Tensor weights) {
        return new IllegalArgumentException(operation + ": needs weights [Tq, Tk], [H, Tq, Tk] or [B, H, Tq, Tk], got shape "
                + Arrays.toString(weights.shape()));
    }
}
