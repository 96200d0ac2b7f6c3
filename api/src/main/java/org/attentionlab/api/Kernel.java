package org.attentionlab.api;

/**
 * The numerical primitives attention is built from: a batched matrix product and a masked,
 * numerically stable softmax. Everything else ({@link #matmul(Tensor, Tensor)},
 * {@link #softmax(Tensor)}) is a default method built from these two, so a new kernel is an
 * afternoon's work: implement {@link #id()}, {@link #priority()}, {@link #matmul(Tensor, Tensor,
 * RightOperand)} and {@link #softmax(Tensor, Mask)}, and register the class in
 * {@code META-INF/services/org.attentionlab.api.Kernel}.
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
 *       match exactly. The test kit ({@code org.attentionlab:attentionlab-testkit}) checks this and
 *       the rest of the contract.</li>
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
     * Softmax over the last dimension, skipping masked entries:
     * {@code y[..., j] = exp(x[..., j] − m) / Σ_allowed exp(x[..., l] − m)} for allowed {@code j},
     * exactly 0 for masked {@code j}, where {@code m} is the row's largest allowed entry
     * (subtracting it changes nothing mathematically and keeps {@code exp} from overflowing).
     *
     * <p>Every row of allowed entries sums to 1. A row with no allowed entry (fully masked, or
     * all −∞) is all zeros: it attends to nothing, so its attention output is the zero vector.
     * −∞ scores get weight 0 like masked ones; NaN or +∞ in an allowed entry give NaN in their
     * row. Masked entries are never read, so whatever they hold (even NaN) changes nothing.
     *
     * @param scores {@code [..., Tq, Tk]} (any rank ≥ 1; masks need the shape described in {@link SoftmaxShape})
     * @param mask   which entries take part; {@link Mask#none()} for all
     * @return weights of the same shape as {@code scores}
     * @throws IllegalArgumentException if the mask does not fit the scores
     */
    Tensor softmax(Tensor scores, Mask mask);

    /** {@code left · right}: {@link #matmul(Tensor, Tensor, RightOperand)} with the right operand as stored. */
    default Tensor matmul(Tensor left, Tensor right) {
        return matmul(left, right, RightOperand.AS_IS);
    }

    /** Unmasked softmax over the last dimension: {@link #softmax(Tensor, Mask)} with {@link Mask#none()}. */
    default Tensor softmax(Tensor scores) {
        return softmax(scores, Mask.none());
    }
}
