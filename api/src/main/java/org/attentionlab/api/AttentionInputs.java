package org.attentionlab.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The arguments of one attention call {@code softmax(scale · Q·Kᵀ, mask) · V}, checked once:
 * what {@link Kernel#attention} and {@link Kernel#attentionWithWeights} take.
 *
 * <p>Shapes: {@code query [..., Tq, Dk]}, {@code key [..., Tk, Dk]}, {@code value [..., Tk, Dv]}
 * with the same leading dimensions, typically {@code [B, H, T, Dk]}; the output is
 * {@code [..., Tq, Dv]} and the weights {@code [..., Tq, Tk]}. Flattened, the call is
 * {@link #batch()} independent attentions, one per leading index ({@code B·H} of them).
 *
 * <p>Built with {@link #of} and refined with {@link #withMask} and {@link #withScale}; each step
 * checks what it adds, so a kernel receives inputs that fit and does not check them again.
 * Immutable and thread-safe.
 *
 * <h2>Room to grow</h2>
 * Later features (an additive score bias such as ALiBi, keys and values shared by several query
 * heads as in grouped-query attention) will arrive as new optional parts of this class. A kernel
 * that overrides {@link Kernel#attention} with its own algorithm must hand every call that is not
 * {@link #isStandard()} to the composed default ({@code Kernel.super.attention(inputs)}), which will
 * know the new parts: so an old kernel never silently ignores a feature it has not heard of.
 */
public final class AttentionInputs {

    private final String operation;
    private final Tensor query;
    private final Tensor key;
    private final Tensor value;
    private final Mask mask;
    private final float scale;
    private final int batch;
    private final int queries;
    private final int keys;
    private final int keyWidth;
    private final int valueWidth;

    private AttentionInputs(String operation, Tensor query, Tensor key, Tensor value, Mask mask, float scale) {
        this.operation = operation;
        this.query = query;
        this.key = key;
        this.value = value;
        this.mask = mask;
        this.scale = scale;
        this.batch = Tensor.sizeOf(Arrays.copyOf(query.shape(), query.rank() - 2));
        this.queries = query.dim(-2);
        this.keys = key.dim(-2);
        this.keyWidth = query.dim(-1);
        this.valueWidth = value.dim(-1);
    }

    /** {@link #of(String, Tensor, Tensor, Tensor)} for a call that reports errors as {@code attention}. */
    public static AttentionInputs of(Tensor query, Tensor key, Tensor value) {
        return of("attention", query, key, value);
    }

    /**
     * Unmasked attention with the paper's scale {@code 1/√Dk}.
     *
     * @param operation who is asking, the first word of every error message (e.g. a layer's name)
     * @throws IllegalArgumentException if the shapes do not fit: ranks differ or are below 2,
     *                                  leading dimensions differ, {@code Tq}, {@code Tk} or
     *                                  {@code Dk} is 0, query and key widths differ, or key and value
     *                                  lengths differ
     */
    public static AttentionInputs of(String operation, Tensor query, Tensor key, Tensor value) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        String problem = shapeProblem(query, key, value);
        if (problem != null) {
            throw new IllegalArgumentException(operation + ": " + problem + ": query "
                    + Arrays.toString(query.shape()) + ", key " + Arrays.toString(key.shape())
                    + ", value " + Arrays.toString(value.shape()));
        }
        return new AttentionInputs(operation, query, key, value, Mask.none(), defaultScale(query.dim(-1)));
    }

    /**
     * The paper's scale {@code 1/√d_k} (section 3.2.1): if the entries of q and k are independent
     * with variance 1, {@code q·k} has variance {@code d_k}; the scale brings it back to 1.
     */
    public static float defaultScale(int dk) {
        return (float) (1.0 / Math.sqrt(dk));
    }

    /** What is wrong with these shapes, or {@code null} if nothing is; no string is built on success. */
    private static String shapeProblem(Tensor query, Tensor key, Tensor value) {
        if (query.rank() < 2 || key.rank() != query.rank() || value.rank() != query.rank()) {
            return "query, key and value need the same rank >= 2 ([..., T, D])";
        }
        for (int d = 0; d < query.rank() - 2; d++) {
            if (query.dim(d) != key.dim(d) || key.dim(d) != value.dim(d)) {
                return "leading (batch/head) dimensions differ";
            }
        }
        if (query.dim(-2) == 0 || key.dim(-2) == 0) {
            return "empty sequence (Tq or Tk is 0)";
        }
        if (query.dim(-1) == 0 || query.dim(-1) != key.dim(-1)) {
            return "query and key need the same width Dk >= 1";
        }
        if (key.dim(-2) != value.dim(-2)) {
            return "key and value need the same length Tk";
        }
        return null;
    }

    /**
     * The same call with {@code mask} applied to the scores {@code [..., Tq, Tk]}.
     *
     * @throws IllegalArgumentException naming the operation, the mask and the query shape if the
     *                                  mask does not fit
     */
    public AttentionInputs withMask(Mask mask) {
        Objects.requireNonNull(mask, "mask (use Mask.none())");
        mask.requireFits(operation, query, key);
        return new AttentionInputs(operation, query, key, value, mask, scale);
    }

    /**
     * The same call with {@code scale} in place of {@code 1/√Dk}, e.g. 1 to watch unscaled scores
     * saturate the softmax.
     *
     * @throws IllegalArgumentException unless {@code scale} is finite and positive
     */
    public AttentionInputs withScale(float scale) {
        if (!(scale > 0) || !Float.isFinite(scale)) {
            throw new IllegalArgumentException(operation + ": scale must be finite and > 0, got " + scale);
        }
        return new AttentionInputs(operation, query, key, value, mask, scale);
    }

    /** Queries {@code [..., Tq, Dk]}. */
    public Tensor query() {
        return query;
    }

    /** Keys {@code [..., Tk, Dk]}. */
    public Tensor key() {
        return key;
    }

    /** Values {@code [..., Tk, Dv]}. */
    public Tensor value() {
        return value;
    }

    /** Which scores take part; {@link Mask#none()} unless {@link #withMask} set one. */
    public Mask mask() {
        return mask;
    }

    /** The factor applied to {@code Q·Kᵀ} before the softmax: {@code 1/√Dk} unless {@link #withScale} set one. */
    public float scale() {
        return scale;
    }

    /** The number of independent attentions: the product of the leading dimensions ({@code B·H}; 1 if none). */
    public int batch() {
        return batch;
    }

    /** {@code Tq}. */
    public int queries() {
        return queries;
    }

    /** {@code Tk}. */
    public int keys() {
        return keys;
    }

    /** {@code Dk}. */
    public int keyWidth() {
        return keyWidth;
    }

    /** {@code Dv}. */
    public int valueWidth() {
        return valueWidth;
    }

    /**
     * The batch index the mask sees for flattened attention {@code e} ({@code 0 ≤ e < batch()}):
     * the index along the first dimension when the inputs have rank 3 or more (so every head of
     * sequence {@code b} shares its mask), otherwise 0. See {@link Mask#batchesOf}.
     */
    public int maskBatchOf(int e) {
        int maskBatches = Mask.batchesOf(query.shape());
        return maskBatches == 1 ? 0 : e / (batch / maskBatches);
    }

    /** The output's shape {@code [..., Tq, Dv]}. */
    public int[] outputShape() {
        int[] shape = query.shape();
        shape[shape.length - 1] = valueWidth;
        return shape;
    }

    /** The weights' (and scores') shape {@code [..., Tq, Tk]}. */
    public int[] weightsShape() {
        int[] shape = query.shape();
        shape[shape.length - 1] = keys;
        return shape;
    }

    /**
     * True if this call uses nothing beyond query, key, value, mask and scale. Always true today;
     * see "Room to grow" above for why a kernel with its own algorithm asks.
     */
    public boolean isStandard() {
        return true;
    }

    /** The operation named in error messages. */
    public String operation() {
        return operation;
    }

    @Override
    public String toString() {
        return operation + "[query " + Arrays.toString(query.shape()) + ", key " + Arrays.toString(key.shape())
                + ", value " + Arrays.toString(value.shape()) + ", " + mask + ", scale " + scale + "]";
    }
}
