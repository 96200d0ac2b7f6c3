package org.attentionlab.attention;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
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

    /**
     * The layer PyTorch's {@code nn.MultiheadAttention(D, H)} is, from its tensors, so that this
     * layer gives PyTorch's numbers: {@code in_proj_weight [3D, D]} (W_Q, W_K, W_V stacked, each
     * stored {@code [out, in]} as {@code nn.Linear} does), {@code in_proj_bias [3D]},
     * {@code out_proj.weight [D, D]} and {@code out_proj.bias [D]}. The weights are transposed to
     * this project's {@code [in, out]} and the stack is split.
     *
     * <p>Two more differences to keep in mind: PyTorch's boolean {@code attn_mask} means the
     * opposite of {@link Mask#of(boolean[][])} ({@code True} = may <i>not</i> attend; use
     * {@link Mask#fromPyTorch}), and it returns weights averaged over the heads by default
     * ({@link #averageOverHeads}).
     *
     * @throws IllegalArgumentException if the tensors do not have those shapes
     */
    public static MultiHeadAttention fromPyTorch(Kernel kernel, int numHeads, Tensor inProjWeight, Tensor inProjBias,
                                                 Tensor outProjWeight, Tensor outProjBias) {
        Objects.requireNonNull(inProjBias, "inProjBias");
        Objects.requireNonNull(outProjBias, "outProjBias");
        return fromPyTorch(kernel, numHeads, inProjWeight, Optional.of(inProjBias), outProjWeight, Optional.of(outProjBias));
    }

    /** {@link #fromPyTorch(Kernel, int, Tensor, Tensor, Tensor, Tensor)} for a layer made with {@code bias=False}. */
    public static MultiHeadAttention fromPyTorch(Kernel kernel, int numHeads, Tensor inProjWeight, Tensor outProjWeight) {
        return fromPyTorch(kernel, numHeads, inProjWeight, Optional.empty(), outProjWeight, Optional.empty());
    }

    private static MultiHeadAttention fromPyTorch(Kernel kernel, int numHeads, Tensor inProjWeight, Optional<Tensor> inProjBias,
                                                  Tensor outProjWeight, Optional<Tensor> outProjBias) {
        Objects.requireNonNull(inProjWeight, "inProjWeight");
        Objects.requireNonNull(outProjWeight, "outProjWeight");
        int d = outProjWeight.rank() == 2 ? outProjWeight.dim(0) : -1;
        boolean fits = d > 0 && outProjWeight.dim(1) == d
                && Arrays.equals(inProjWeight.shape(), new int[] {3 * d, d})
                && inProjBias.map(b -> Arrays.equals(b.shape(), new int[] {3 * d})).orElse(true)
                && outProjBias.map(b -> Arrays.equals(b.shape(), new int[] {d})).orElse(true);
        if (!fits) {
            throw new IllegalArgumentException(NAME + ".fromPyTorch: expected in_proj_weight [3D, D], in_proj_bias [3D],"
                    + " out_proj.weight [D, D], out_proj.bias [D]; got " + Arrays.toString(inProjWeight.shape())
                    + ", " + inProjBias.map(b -> Arrays.toString(b.shape())).orElse("none") + ", "
                    + Arrays.toString(outProjWeight.shape()) + ", " + outProjBias.map(b -> Arrays.toString(b.shape())).orElse("none"));
        }
        Tensor stacked = inProjWeight.reshape(3, d, d);                      // [3, Dout, Din]: W_Q, W_K, W_V
        Optional<Tensor> biases = inProjBias.map(b -> b.reshape(3, d));      // [3, D]
        Linear[] inputs = new Linear[3];
        for (int i = 0; i < 3; i++) {
            Tensor weight = stacked.select(0, i).transposeLastTwo();         // [Dout, Din] -> [Din, Dout]
            int part = i;
            inputs[i] = new Linear(weight, biases.map(b -> b.select(0, part)));
        }
        Linear out = new Linear(outProjWeight.transposeLastTwo(), outProjBias);
        return new MultiHeadAttention(kernel, numHeads, inputs[0], inputs[1], inputs[2], out);
    }

    private static void checkHeads(int dModel, int numHeads) {
        if (numHeads < 1 || dModel < 1 || dModel % numHeads != 0) {
            throw new IllegalArgumentException("MultiHeadAttention: model width D=" + dModel
                    + " must be a positive multiple of the number of heads H=" + numHeads
                    + " (each head gets Dk = D / H columns)");
        }
    }

    /**
     * Output {@code [B, Tq, D]} and per-head weights {@code [B, H, Tq, Tk]}. Unbatched inputs
     * {@code [T, D]} (as PyTorch accepts them) give {@code [Tq, D]} and {@code [H, Tq, Tk]}.
     */
    @Override
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        if (isUnbatched(query, key, value)) {
            AttentionResult batched = forward(batchOfOne(query), batchOfOne(key), batchOfOne(value), mask);
            return new AttentionResult(batched.output().select(0, 0), batched.weights().select(0, 0));
        }
        Projected projected = project(query, key, value, mask);       // steps 1) and 2)

        // 3) Scaled dot-product attention in every head at once:
        //    output [B, H, Tq, Dk], weights [B, H, Tq, Tk]
        AttentionResult attended = kernel.attentionWithWeights(projected.heads());

        return new AttentionResult(combineHeads(attended.output()), attended.weights()); // steps 4) and 5)
    }

    /**
     * The output of {@link #forward} alone: each head's attention is the kernel's fused
     * {@link Kernel#attention} where it has one, so the {@code [B, H, Tq, Tk]} weights are never
     * held and memory grows with {@code T}, not {@code T²}.
     */
    @Override
    public Tensor output(Tensor query, Tensor key, Tensor value, Mask mask) {
        if (isUnbatched(query, key, value)) {
            return output(batchOfOne(query), batchOfOne(key), batchOfOne(value), mask).select(0, 0);
        }
        return combineHeads(kernel.attention(project(query, key, value, mask).heads()));
    }

    /**
     * {@link #forward} with every intermediate kept ({@code [B, T, D]} inputs), for showing: the
     * weights and output are exactly {@code forward}'s. See {@link AttentionTrace}.
     */
    public AttentionTrace trace(Tensor query, Tensor key, Tensor value, Mask mask) {
        Projected p = project(query, key, value, mask);                          // steps 1) and 2)
        AttentionResult attended = kernel.attentionWithWeights(p.heads());       // step 3), as forward
        Tensor scores = kernel.matmul(p.heads().query(), p.heads().key(), RightOperand.TRANSPOSED); // [B, H, Tq, Tk] = Q·Kᵀ
        AttentionSteps heads = new AttentionSteps(p.heads().query(), p.heads().key(), p.heads().value(), mask,
                p.heads().scale(), scores, attended.weights(), attended.output());
        Tensor concatenated = concatHeads(attended.output());                   // step 4): [B, Tq, D]
        Tensor output = outputProjection.apply(kernel, concatenated);            // step 5): [B, Tq, D]
        return new AttentionTrace(query, key, value, p.q(), p.k(), p.v(), heads, concatenated, output);
    }

    /** {@link #trace} of self-attention: queries, keys and values all from {@code x [B, T, D]}. */
    public AttentionTrace traceSelfAttention(Tensor x, Mask mask) {
        return trace(x, x, x, mask);
    }

    /**
     * Weights averaged over the heads: {@code [B, H, Tq, Tk] -> [B, Tq, Tk]} (or
     * {@code [H, Tq, Tk] -> [Tq, Tk]}), what PyTorch's {@code nn.MultiheadAttention} returns with
     * its default {@code average_attn_weights=True}.
     */
    public static Tensor averageOverHeads(Tensor weights) {
        Objects.requireNonNull(weights, "weights");
        if (weights.rank() != 3 && weights.rank() != 4) {
            throw new IllegalArgumentException(NAME + ".averageOverHeads: weights must be [B, H, Tq, Tk] or [H, Tq, Tk], got "
                    + Arrays.toString(weights.shape()));
        }
        int headAxis = weights.rank() - 3;
        int heads = weights.dim(headAxis);
        Tensor sum = weights.select(headAxis, 0);
        for (int h = 1; h < heads; h++) {
            sum = sum.plus(weights.select(headAxis, h));
        }
        return sum.times(1f / heads);
    }

    /** The projections (step 1) and the checked per-head inputs (step 2) of one call. */
    private record Projected(Tensor q, Tensor k, Tensor v, AttentionInputs heads) {
    }

    private Projected project(Tensor query, Tensor key, Tensor value, Mask mask) {
        checkShapes(query, key, value);
        Objects.requireNonNull(mask, "mask (use Mask.none())");
        mask.requireFits(NAME, query, key); // against [B, Tq, D] and [B, Tk, D]: the batch index is B

        // 1) Project: [B, T, D]·[D, D] -> [B, T, D]
        Tensor q = queryProjection.apply(kernel, query);
        Tensor k = keyProjection.apply(kernel, key);
        Tensor v = valueProjection.apply(kernel, value);

        // 2) Split into heads: [B, T, D] -> [B, T, H, Dk] -> [B, H, T, Dk]
        return new Projected(q, k, v, AttentionInputs.of(NAME, splitHeads(q), splitHeads(k), splitHeads(v)).withMask(mask));
    }

    private static boolean isUnbatched(Tensor query, Tensor key, Tensor value) {
        Objects.requireNonNull(query, "query");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        return query.rank() == 2 && key.rank() == 2 && value.rank() == 2;
    }

    /** {@code [T, D] -> [1, T, D]}. */
    private static Tensor batchOfOne(Tensor x) {
        return x.reshape(1, x.dim(0), x.dim(1));
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
                        + (t.rank() == 2 ? " (one sequence may also be [T, D]: pass query, key and value all unbatched)" : ""),
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
