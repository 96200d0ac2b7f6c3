package org.attentionlab.api;

/**
 * A sequential kernel whose operations can be handed out a range of rows at a time: what a
 * parallel kernel ({@code kernels-parallel}) runs on its threads. Each method checks its arguments
 * like the {@link Kernel} method of the same name and returns the prepared {@link RowWork}; the
 * kernel's own methods are then {@code matmulRows(...).computeAll()} and so on, so both paths run
 * the same code: those three defaults are written here, once.
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

    /** The product's rows, computed on the calling thread. */
    @Override
    default Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
        return matmulRows(left, right, operand).computeAll();
    }

    /** The softmax's rows, computed on the calling thread. */
    @Override
    default Tensor softmax(Tensor scores, float scale, Mask mask) {
        return softmaxRows(scores, scale, mask).computeAll();
    }

    /**
     * Fused: the rows of {@link #attentionRows} on the calling thread, memory {@code O(T·D)}; inputs
     * that are not {@link AttentionInputs#isStandard()} go to the composed default, which knows them.
     */
    @Override
    default Tensor attention(AttentionInputs inputs) {
        java.util.Objects.requireNonNull(inputs, "inputs");
        return inputs.isStandard() ? attentionRows(inputs).computeAll() : Kernel.super.attention(inputs);
    }
}
