package org.attentionlab.testkit;

import java.util.List;
import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The matrix-product part of the {@link KernelContract}: on generated shapes (sizes 0 and 1,
 * primes, tile edges up to 130, zero to two batch dimensions, a shared rank-2 right operand),
 * {@link Kernel#matmul(Tensor, Tensor, RightOperand)} agrees with the naive kernel under the
 * {@link Agreement} rule, overflow included.
 */
public interface MatmulLaws extends KernelUnderTest {

    /** {@code C = A·B} agrees with the oracle for every generated shape. */
    @TestFactory
    default Stream<DynamicTest> matmulAgreesWithNaive() {
        return agreementCases(ForAll.seed(), RightOperand.AS_IS);
    }

    /** {@code C = A·Bᵀ} (right operand stored {@code [..., N, K]}) agrees with the oracle. */
    @TestFactory
    default Stream<DynamicTest> matmulWithTransposedRightAgreesWithNaive() {
        return agreementCases(ForAll.seed(), RightOperand.TRANSPOSED);
    }

    /**
     * Overflow, the contract's one exception to "special values match exactly": where the terms'
     * magnitude {@code Σ_k |a_ik · b_kj|} exceeds {@link Float#MAX_VALUE}, an element may be ±∞,
     * NaN or the naive value (which sums in double); every other element of the same product
     * follows the exact rules. Cases: {@code [3e38, 3e38, −3e38]·[1, 1, 1]ᵀ} (3e38 in double, ∞ in
     * float), {@code [1e30, 1e30]·[1e10, −1e10]ᵀ} (0 in double, ∞ − ∞ = NaN in float), each beside
     * rows that do not overflow, as stored, transposed, batched and longer than a tile.
     */
    @Test
    default void matmulOverflowsOnlyWhereItsTermsExceedTheFloatRange() {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        float[] cancelling = new float[130]; // 65 pairs of ±1e37 past a 64-wide tile: Σ|terms| = 1.3e39 > MAX
        for (int k = 0; k < cancelling.length; k++) {
            cancelling[k] = k % 2 == 0 ? 1e37f : -1e37f;
        }
        Tensor ones130 = Tensor.full(1f, 130, 1);                                           // [K=130, N=1]
        List<Tensor[]> products = List.of(
                new Tensor[] {Tensor.of(new float[][] {{3e38f, 3e38f, -3e38f}, {1e38f, 1e38f, -1e38f}, {1, 2, 3}}),
                        Tensor.full(1f, 3, 2)},                                              // [3, 3]·[3, 2]
                new Tensor[] {Tensor.of(new float[][] {{1e30f, 1e30f}, {1, 2}}),
                        Tensor.of(new float[][] {{1e10f, 1}, {-1e10f, 1}})},                 // [2, 2]·[2, 2]
                new Tensor[] {Tensor.of(new float[][] {cancelling, new float[130]}), ones130}, // [2, 130]·[130, 1]
                new Tensor[] {Tensor.fromArray(new float[] {3e38f, 3e38f, -3e38f, 1, 2, 3}, 2, 1, 3),
                        Tensor.fromArray(new float[] {1, 1, 1, 1, 1, 1}, 2, 3, 1)});          // [2, 1, 3]·[2, 3, 1]
        for (Tensor[] p : products) {
            for (RightOperand operand : RightOperand.values()) {
                Tensor right = operand == RightOperand.AS_IS ? p[1] : p[1].transposeLastTwo();
                Tensor actual = kernel.matmul(p[0], right, operand);
                Agreement.assertMatmulAgrees(p[0], right, operand, actual, oracle.matmul(p[0], right, operand));
            }
        }
    }

    private Stream<DynamicTest> agreementCases(long seed, RightOperand operand) {
        Kernel kernel = kernel();
        Kernel oracle = Oracle.NAIVE;
        return ForAll.cases(MatmulCase.random(seed, ForAll.tries(Budget.MATMUL_TRIES), operand), c -> {
            Tensor left = c.left();
            Tensor right = c.right();
            Tensor actual = kernel.matmul(left, right, c.operand());
            Agreement.assertMatmulAgrees(left, right, c.operand(), actual, oracle.matmul(left, right, c.operand()));
        });
    }
}
