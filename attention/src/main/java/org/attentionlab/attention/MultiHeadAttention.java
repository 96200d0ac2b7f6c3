package org.attentionlab.attention;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * Multi-head attention, Figure 2 (right) and section 3.2.2 of Vaswani et al. (2017):
 *
 * <pre>
 *     MultiHead(Q, K, V) = Concat(head_1, ..., head_h) · W_O
 *     where head_i = Attention(Q·W_Q^i, K·W_K^i, V·W_V^i)
 * </pre>
 *
 * <p>W_Q, W_K, W_V are {@code [D, D]}; head {@code i} uses columns {@code i·Dk .. (i+1)·Dk − 1} of
 * each (so {@code W_Q^i} is {@code [D, Dk]} with {@code Dk = D / H}), and W_O is {@code [D, D]}.
 * All heads are computed at once as one batched scaled dot-product attention on
 * {@code [B, H, T, Dk]}, which is the same as slicing, attending per head and concatenating
 * (a property test checks exactly that).
 *
 * <p>Shapes: {@code query [B, Tq, D]}, {@code key} and {@code value [B, Tk, D]}. For
 * self-attention pass the same tensor three times ({@link #selfAttention}); for
 * cross-attention {@code Tk} may differ from {@code Tq}. Output {@code [B, Tq, D]}, weights per
 * head {@code [B, H, Tq, Tk]}. A mask applies to every head; its batch index is {@code B}.
 *
 * <p>Immutable and thread-safe. Build it with {@link #initialized} (seeded Xavier weights) or
 * with given weights via the constructor, e.g. to reproduce another framework's numbers.
 */
public final class MultiHeadAttention implements AttentionLayer {

    private static final String NAME = "MultiHeadAttention";

    private final Kernel kernel;
    private final int numHeads;
    private final Linear queryProjection;
    private final Linear keyProjection;
    private final Linear valueProjection;
    private final Linear outputProjection;

    /**
     * With given weights, each {@code [D, D]} (biases optional).
     *
     * @throws IllegalArgumentException if the weights are not all {@code [D, D]} (biases {@code [D]}),
     *                                  or {@code D} is not divisible by {@code numHeads}
     */
    public MultiHeadAttention(Kernel kernel, int numHeads, Linear queryProjection, Linear keyProjection,
                              Linear valueProjection, Linear outputProjection) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
        this.queryProjection = Objects.requireNonNull(queryProjection, "queryProjection");
        this.keyProjection = Objects.requireNonNull(keyProjection, "keyProjection");
        this.valueProjection = Objects.requireNonNull(valueProjection, "valueProjection");
        this.outputProjection = Objects.requireNonNull(outputProjection, "outputProjection");
        int dModel = queryProjection.inputWidth();
        checkHeads(dModel, numHeads);
        for (Linear projection : List.of(queryProjection, keyProjection, valueProjection, outputProjection)) {
            if (projection.inputWidth() != dModel || projection.outputWidth() != dModel) {
                throw new IllegalArgumentException("MultiHeadAttention: every projection must be [" + dModel + ", "
                        + dModel + "], got " + Arrays.toString(projection.weight().shape()));
            }
        }
        this.numHeads = numHeads;
    }

    /**
     * With W_Q, W_K, W_V, W_O drawn by Xavier/Glorot uniform initialisation from {@code seed}
     * (see {@link Linear#xavierUniform}); the same seed always gives the same layer.
     *
     * @throws IllegalArgumentException if {@code dModel} is not a positive multiple of {@code numHeads}
     */
    public static MultiHeadAttention initialized(Kernel kernel, int dModel, int numHeads, Bias bias, long seed) {
        checkHeads(dModel, numHeads);
        SplittableRandom seeds = new SplittableRandom(seed); // one independent seed per matrix
        return new MultiHeadAttention(kernel, numHeads,
                Linear.xavierUniform(dModel, dModel, bias, seeds.nextLong()),
                Linear.xavierUniform(dModel, dModel, bias, seeds.nextLong()),
                Linear.xavierUniform(dModel, dModel, bias, seeds.nextLong()),
                Linear.xavierUniform(dModel, dModel, bias, seeds.nextLong()));
    }

    private static void checkHeads(int dModel, int numHeads) {
        if (numHeads < 1 || dModel < 1 || dModel % numHeads != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: model width D=" + dModel
                    + " must be a positive multiple of the number of heads H=" + numHeads
                    + " (each head gets Dk = D / H columns)");
        }
    }

    @Override
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        AttentionInputs heads = headInputs(query, key, value, mask);  // steps 1) and 2)

        // 3) Scaled dot-product attention in every head at once:
        //    output [B, H, Tq, Dk], weights [B, H, Tq, Tk]
        AttentionResult attended = kernel.attentionWithWeights(heads);

        return new AttentionResult(combineHeads(attended.output()), attended.weights()); // steps 4) and 5)
    }

    /**
     * The output of {@link #forward} alone: each head's attention is the kernel's fused
     * {@link Kernel#attention} where it has one, so the {@code [B, H, Tq, Tk]} weights are never
     * held and memory grows with {@code T}, not {@code T²}.
     */
    @Override
    public Tensor output(Tensor query, Tensor key, Tensor value, Mask mask) {
        return combineHeads(kernel.attention(headInputs(query, key, value, mask)));
    }

    /** Steps 1) and 2): the checked inputs, projected and split into heads. */
    private AttentionInputs headInputs(Tensor query, Tensor key, Tensor value, Mask mask) {
        checkShapes(query, key, value);
        Objects.requireNonNull(mask, "mask (use Mask.none())");
        mask.requireFits(NAME, query, key); // against [B, Tq, D] and [B, Tk, D]: the batch index is B

        // 1) Project: [B, T, D]·[D, D] -> [B, T, D]
        Tensor q = queryProjection.apply(kernel, query);
        Tensor k = keyProjection.apply(kernel, key);
        Tensor v = valueProjection.apply(kernel, value);

        // 2) Split into heads: [B, T, D] -> [B, T, H, Dk] -> [B, H, T, Dk]
        return AttentionInputs.of(NAME, splitHeads(q), splitHeads(k), splitHeads(v)).withMask(mask);
    }

    /** Steps 4) and 5): the heads' outputs {@code [B, H, Tq, Dk]} concatenated and projected to {@code [B, Tq, D]}. */
    private Tensor combineHeads(Tensor headOutputs) {
        // 4) Concatenate the heads: [B, H, Tq, Dk] -> [B, Tq, H, Dk] -> [B, Tq, D]
        Tensor concatenated = concatHeads(headOutputs);

        // 5) Output projection: [B, Tq, D]·[D, D] -> [B, Tq, D]
        return outputProjection.apply(kernel, concatenated);
    }

    /** {@code [B, T, D] -> [B, H, T, Dk]}: head {@code h} gets columns {@code h·Dk .. (h+1)·Dk − 1}. */
    private Tensor splitHeads(Tensor x) {
        return x.reshape(x.dim(0), x.dim(1), numHeads, headDim()).permute(0, 2, 1, 3);
    }

    /** {@code [B, H, T, Dk] -> [B, T, D]}: the heads side by side, head 0 first. */
    private Tensor concatHeads(Tensor x) {
        return x.permute(0, 2, 1, 3).reshape(x.dim(0), x.dim(2), dModel());
    }

    private void checkShapes(Tensor query, Tensor key, Tensor value) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        int d = dModel();
        for (Tensor t : List.of(query, key, value)) {
            if (t.rank() != 3 || t.dim(-1) != d) {
                throw shapeError("inputs must be [B, T, " + d + "]"
                        + (t.rank() == 2 ? " (for one sequence x of shape [T, D] use x.reshape(1, T, D))" : ""),
                        query, key, value);
            }
        }
        if (query.dim(0) != key.dim(0) || key.dim(0) != value.dim(0)) {
            throw shapeError("batch sizes B differ", query, key, value);
        }
        if (key.dim(1) != value.dim(1)) {
            throw shapeError("key and value need the same length Tk", query, key, value);
        }
        if (query.dim(1) == 0 || key.dim(1) == 0) {
            throw shapeError("empty sequence (Tq or Tk is 0)", query, key, value);
        }
    }

    /** The error for inputs that do not fit; built only when they do not. */
    private static IllegalArgumentException shapeError(String problem, Tensor query, Tensor key, Tensor value) {
        return new IllegalArgumentException(NAME + ": " + problem + ", got query " + Arrays.toString(query.shape())
                + ", key " + Arrays.toString(key.shape()) + ", value " + Arrays.toString(value.shape()));
    }

    /** Model width {@code D}. */
    public int dModel() {
        return queryProjection.inputWidth();
    }

    /** Number of heads {@code H}. */
    public int numHeads() {
        return numHeads;
    }

    /** Width of each head {@code Dk = D / H}. */
    public int headDim() {
        return dModel() / numHeads;
    }

    /** The kernel doing the arithmetic. */
    public Kernel kernel() {
        return kernel;
    }

    /** W_Q (and its bias), {@code [D, D]}. */
    public Linear queryProjection() {
        return queryProjection;
    }

    /** W_K (and its bias), {@code [D, D]}. */
    public Linear keyProjection() {
        return keyProjection;
    }

    /** W_V (and its bias), {@code [D, D]}. */
    public Linear valueProjection() {
        return valueProjection;
    }

    /** W_O (and its bias), {@code [D, D]}. */
    public Linear outputProjection() {
        return outputProjection;
    }

    /** W_Q^h: the {@code [D, Dk]} columns of W_Q that head {@code h} uses. */
    public Linear headQueryProjection(int head) {
        return queryProjection.columns(headStart(head), headStart(head) + headDim());
    }

    /** W_K^h: the {@code [D, Dk]} columns of W_K that head {@code h} uses. */
    public Linear headKeyProjection(int head) {
        return keyProjection.columns(headStart(head), headStart(head) + headDim());
    }

    /** W_V^h: the {@code [D, Dk]} columns of W_V that head {@code h} uses. */
    public Linear headValueProjection(int head) {
        return valueProjection.columns(headStart(head), headStart(head) + headDim());
    }

    private int headStart(int head) {
        if (head < 0 || head >= numHeads) {
            throw new IllegalArgumentException("MultiHeadAttention: head " + head + " does not exist (H=" + numHeads + ")");
        }
        return head * headDim();
    }

    @Override
    public String toString() {
        return "MultiHeadAttention[D=" + dModel() + ", H=" + numHeads + ", Dk=" + headDim() + ", kernel=" + kernel.id() + "]";
    }
}
