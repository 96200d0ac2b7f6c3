package org.attentionlab.api;

/**
 * How {@link Kernel#matmul(Tensor, Tensor, RightOperand)} reads its right operand. Attention
 * computes Q·Kᵀ with K stored as {@code [..., Tk, Dk]}; {@link #TRANSPOSED} multiplies by Kᵀ
 * without first copying K into a transposed tensor.
 */
public enum RightOperand {
    /** Right operand is {@code [..., K, N]}: C = A·B. */
    AS_IS,
    /** Right operand is {@code [..., N, K]}: C = A·Bᵀ. */
    TRANSPOSED
}
