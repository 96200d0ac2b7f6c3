package org.attentionlab.api;

/**
 * A sequential kernel whose operations can be handed out a range of rows at a time: what a
 * parallel kernel ({@code kernels-parallel}) runs on its threads. Each method checks its arguments
 * like the {@link Kernel} method of the same name and returns the prepared {@link RowWork}; the
 * kernel's own methods are then {@code matmulRows(...).computeAll()} and so on, so both paths run
 * the same code.
 *
 * <p>Same contract as {@link Kernel} (nullness, shapes, errors, thread-safety); the {@link RowWork}
 * contract adds that rows do not depend on how they are grouped.
 */
public interface SplittableKernel extends Kernel {

    /** {@link #matmul(Tensor, Tensor, RightOperand)} as rows: {@code batch · M} rows of {@code N}. */
    RowWork matmulRows(Tensor left, Tensor right, RightOperand operand);

    /** {@link #softmax(Tensor, float, Mask)} as rows: one row of {@code Tk} per softmax. */
    RowWork softmaxRows(Tensor scores, float scale, Mask mask);

    /**
     * Fused {@link #attention(AttentionInputs)} as rows: {@code batch · Tq} rows of {@code Dv}, one
     * per query, each computed without materialising its scores beyond a tile. Only called with
     * {@link AttentionInputs#isStandard()} inputs.
     */
    RowWork attentionRows(AttentionInputs inputs);
}
