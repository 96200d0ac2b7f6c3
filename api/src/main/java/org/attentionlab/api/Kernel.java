package org.attentionlab.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The numerical primitives attention is built from: a batched matrix product and a masked,
 * numerically stable, scaled softmax. Everything else ({@link #matmul(Tensor, Tensor)},
 * {@link #softmax(Tensor, Mask)}, and attention itself, {@link #attention} and
 * {@link #attentionWithWeights}) is a default method built from these two, so a new kernel is an
 * afternoon's work: implement {@link #id()}, {@link #priority()}, {@link #matmul(Tensor, Tensor,
 * RightOperand)} and {@link #softmax(Tensor, float, Mask)}, and register the class in
 * {@code META-INF/services/org.attentionlab.api.Kernel}. A fast kernel also overrides
 * {@link #attention} with a fused algorithm that never holds the {@code Tq × Tk} scores.
 *
 * <h2>Reading and writing tensors</h2>
 * Read inputs with {@link Tensor#values()} (a read-only view, no copy) or {@link Tensor#get};
 * build results with {@link Tensor#generate} (written in place, no second copy).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Nullness:</b> no parameter may be {@code null} ({@link NullPointerException}); no
 *       method returns {@code null}. "No mask" is {@link Mask#none()}.</li>
 *   <li><b>Inputs are never modified</b> (tensors are immutable); every result is a new tensor.</li>
 *   <li><b>Shapes:</b> as described on each method; a mismatch raises
 *       {@link IllegalArgumentException} naming the operation and both shapes. Use
 *       {@link MatmulShape#of} and {@link SoftmaxShape#of} to check them the same way every
 *       kernel does.</li>
 *   <li><b>Accuracy:</b> results agree with the naive reference kernel within float32 rounding,
 *       element by element: {@code |c − c_naive| ≤ 1e-4 · Σ_k |A[.., i, k] · B[.., k, j]| + 1e-5}
 *       for matmul (any summation order or tiling passes; a lost or doubled term does not) and
 *       {@code |y − y_naive| ≤ 1e-4 · |y_naive| + 1e-5} for softmax. NaN and infinities must
 *       match exactly, with one exception: <b>overflow</b>. Kernels compute in float32 and may add
 *       in any order, so where the terms' magnitude {@code Σ_k |A[.., i, k] · B[.., k, j]|}
 *       exceeds {@link Float#MAX_VALUE} a partial sum can overflow: such an element may be ±∞,
 *       NaN or within the tolerance of the naive value (which sums in double). Attention agrees
 *       with the composed default within the same rules. The test kit
 *       ({@code org.attentionlab:attentionlab-testkit}) checks this and the rest of the
 *       contract.</li>
 *   <li><b>Thread-safety:</b> an instance may be called from many threads at once.</li>
 *   <li><b>Construction:</b> a public no-argument constructor (for {@link java.util.ServiceLoader})
 *       that is cheap and does no I/O.</li>
 * </ul>
 */
public interface Kernel {

    /**
     * A short, stable, lower-case name such as {@code "naive"}: how users choose this kernel
     * ({@link Kernels#byId}, the {@value Kernels#KERNEL_PROPERTY} system property). Never changes
     * between releases.
     */
    String id();

    /**
     * Preference when no kernel is chosen explicitly: the kernel with the highest priority is the
     * default. The reference kernel has 0; faster kernels have more.
     */
    int priority();

    /** One line for listings: what this kernel is and why one would choose it. */
    default String description() {
        return getClass().getName();
    }

    /**
     * Batched matrix product {@code C[..., i, j] = Σ_k A[..., i, k] · B[..., k, j]}, or with
     * {@link RightOperand#TRANSPOSED} {@code C[..., i, j] = Σ_k A[..., i, k] · B[..., j, k]}.
     *
     * @param left    {@code [..., M, K]}
     * @param right   {@code [..., K, N]} ({@code [..., N, K]} if transposed), with the same leading
     *                dimensions as {@code left}, or rank 2 to be shared by every batch entry
     * @param operand whether {@code right} is used as stored or transposed
     * @return {@code [..., M, N]}; an empty sum ({@code K = 0}) is 0
     * @throws IllegalArgumentException if the shapes do not fit (see {@link MatmulShape#of})
     */
    Tensor matmul(Tensor left, Tensor right, RightOperand operand);

    /**
     * Softmax of {@code scale · scores} over the last dimension, skipping masked entries:
     * {@code y[..., j] = exp(s·x[..., j] − s·m) / Σ_allowed exp(s·x[..., l] − s·m)} for allowed
     * {@code j}, exactly 0 for masked {@code j}, where {@code s} is the scale and {@code m} the
     * row's largest allowed entry (subtracting it changes nothing mathematically and keeps
     * {@code exp} from overflowing). Attention passes {@code s = 1/√d_k}, so the scaled scores are
     * never stored.
     *
     * <p>Every row of allowed entries sums to 1. A row with no allowed entry (fully masked, or
     * all −∞) is all zeros: it attends to nothing, so its attention output is the zero vector.
     * −∞ scores get weight 0 like masked ones; NaN or +∞ in an allowed entry give NaN in their
     * row. Masked entries are never read, so whatever they hold (even NaN) changes nothing.
     *
     * @param scores {@code [..., Tq, Tk]} (any rank ≥ 1; masks need the shape described in {@link SoftmaxShape})
     * @param scale  the factor {@code s} applied to every score first, finite and {@code > 0}
     * @param mask   which entries take part; {@link Mask#none()} for all
     * @return weights of the same shape as {@code scores}
     * @throws IllegalArgumentException if the mask does not fit the scores or the scale is not
     *                                  finite and positive (see {@link SoftmaxShape#of})
     */
    Tensor softmax(Tensor scores, float scale, Mask mask);

    /**
     * Attention's output {@code softmax(scale · Q·Kᵀ, mask) · V}, equation (1) of Vaswani et al.
     * (2017), without returning the weights: {@code [..., Tq, Dv]} for the shapes in
     * {@link AttentionInputs}. A query whose keys are all masked gets the zero vector; masked keys
     * and values never reach the output (a NaN in a masked value changes nothing).
     *
     * <p>The default is {@link #attentionWithWeights}'s output: composed from the two primitives,
     * so it holds {@code Tq × Tk} scores and weights per attention. A fast kernel overrides it with
     * a fused algorithm (tiles of keys, a running maximum and sum per query row, as in
     * FlashAttention) whose memory is {@code O(T·D)}, handing calls that are not
     * {@link AttentionInputs#isStandard()} to this default.
     *
     * @throws IllegalStateException if the composed default needs more memory than the heap can
     *                               ever hold; the message says how much
     */
    default Tensor attention(AttentionInputs inputs) {
        return attentionWithWeights(inputs).output();
    }

    /**
     * Attention's output and its weights {@code [..., Tq, Tk]}, for those who want to look at the
     * weights: the readable, composed version of {@link #attention}, one line per step of the
     * formula. Kernels rarely override it.
     *
     * @throws IllegalStateException before allocating, if the scores and weights need more memory
     *                               than the heap can ever hold; the message says how many bytes
     */
    default AttentionResult attentionWithWeights(AttentionInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        long scoreBytes = 4L * inputs.batch() * inputs.queries() * inputs.keys();
        MemoryCheck.requireFits(inputs.operation() + " with weights on kernel '" + id() + "': the scores and weights "
                        + Arrays.toString(inputs.weightsShape()) + " (two tensors)", 2 * scoreBytes,
                "Ask for the output alone (AttentionLayer.output, Kernel.attention) on a kernel with fused"
                        + " attention, whose memory grows with T, not T²; or use shorter sequences or fewer heads.");
        Tensor scores = matmul(inputs.query(), inputs.key(), RightOperand.TRANSPOSED); // [..., Tq, Tk] = Q·Kᵀ
        Tensor weights = softmax(scores, inputs.scale(), inputs.mask());                // [..., Tq, Tk], rows sum to 1
        Tensor output = MaskedValues.weightedSum(this, weights, inputs);                 // [..., Tq, Dv] = weights·V
        return new AttentionResult(output, weights);
    }

    /** {@code left · right}: {@link #matmul(Tensor, Tensor, RightOperand)} with the right operand as stored. */
    default Tensor matmul(Tensor left, Tensor right) {
        return matmul(left, right, RightOperand.AS_IS);
    }

    /** Masked softmax of the scores as they are: {@link #softmax(Tensor, float, Mask)} with scale 1. */
    default Tensor softmax(Tensor scores, Mask mask) {
        return softmax(scores, 1f, mask);
    }

    /** Unmasked softmax over the last dimension: {@link #softmax(Tensor, float, Mask)} with scale 1 and {@link Mask#none()}. */
    default Tensor softmax(Tensor scores) {
        return softmax(scores, 1f, Mask.none());
    }
}
