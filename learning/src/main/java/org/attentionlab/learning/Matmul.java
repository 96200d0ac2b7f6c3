package org.attentionlab.learning;

import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.MatmulShape;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * The matrix product and its derivative.
 *
 * <pre>
 *   forward   C = A·B                    C[i, j] = Σ_k A[i, k]·B[k, j]
 *   backward  dA = dC·Bᵀ                 (∂C[i, j]/∂A[i, k] = B[k, j])
 *             dB = Aᵀ·dC                 (∂C[i, j]/∂B[k, j] = A[i, k])
 *
 *   forward   C = A·Bᵀ  (B stored [N, K], as K in Q·Kᵀ)
 *   backward  dA = dC·B,  dB = dCᵀ·A
 * </pre>
 *
 * <p>Batched operands ({@code [..., M, K]}) work matrix by matrix. A rank-2 right operand shared by
 * every batch entry (a layer's weight) collects the gradient of every entry: flattening the batch
 * into rows, {@code dB = Aᵀ·dC} over all {@code batch·M} rows is exactly that sum.
 */
public final class Matmul {

    private Matmul() {
    }

    /** The gradients of both operands, shaped as the operands. */
    public record Gradients(Tensor left, Tensor right) {
        public Gradients {
            Objects.requireNonNull(left, "left");
            Objects.requireNonNull(right, "right");
        }
    }

    /** {@code A·B} or {@code A·Bᵀ}: the kernel's product. */
    public static Tensor forward(Kernel kernel, Tensor left, Tensor right, RightOperand operand) {
        return kernel.matmul(left, right, operand); // [..., M, N]
    }

    /**
     * The gradients of {@code left} and {@code right} given {@code dC}, the gradient of the product.
     *
     * @param dC {@code [..., M, N]}, the shape of the product
     * @throws IllegalArgumentException if the operands do not fit or {@code dC} is not the product's shape
     */
    public static Gradients backward(Kernel kernel, Tensor left, Tensor right, RightOperand operand, Tensor dC) {
        MatmulShape shape = MatmulShape.of(left, right, operand);
        Shapes.require("Matmul.backward", "dC", dC, shape.outputShape());
        boolean asIs = operand == RightOperand.AS_IS;
        Tensor dLeft = asIs
                ? kernel.matmul(dC, right, RightOperand.TRANSPOSED)   // [..., M, N]·Bᵀ -> [..., M, K]
                : kernel.matmul(dC, right, RightOperand.AS_IS);       // [..., M, N]·B  -> [..., M, K]
        Tensor a = left;
        Tensor g = dC;
        if (right.rank() == 2) { // one right matrix for every batch entry: sum over all rows
            a = left.reshape(-1, left.dim(-1));                       // [batch·M, K]
            g = dC.reshape(-1, dC.dim(-1));                           // [batch·M, N]
        }
        Tensor dRight = asIs
                ? kernel.matmul(a.transposeLastTwo(), g)              // Aᵀ·dC:  [..., K, M]·[..., M, N] -> [..., K, N]
                : kernel.matmul(g.transposeLastTwo(), a);             // dCᵀ·A:  [..., N, M]·[..., M, K] -> [..., N, K]
        return new Gradients(dLeft, dRight);
    }
}
