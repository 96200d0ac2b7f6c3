package org.attentionlab.testkit;

import java.util.stream.Stream;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The matrix-product half of the {@link KernelContract}: on generated shapes (sizes 0 and 1,
 * primes, tile edges up to 130, zero to two batch dimensions, a shared rank-2 right operand),
 * {@link Kernel#matmul(Tensor, Tensor, RightOperand)} agrees with the naive kernel under the
 * {@link Agreement} rule.
 */
public interface MatmulLaws extends KernelUnderTest {

    /** Cases per matmul law, unless {@code -Dattentionlab.testkit.tries} says otherwise. */
    int MATMUL_TRIES = 100;

    /** {@code C = A·B} agrees with the oracle for every generated shape. */
    @TestFactory
    default Stream<DynamicTest> matmulAgreesWithNaive() {
        return agreementCases("matmulAgreesWithNaive", RightOperand.AS_IS);
    }

    /** {@code C = A·Bᵀ} (right operand stored {@code [..., N, K]}) agrees with the oracle. */
    @TestFactory
    default Stream<DynamicTest> matmulWithTransposedRightAgreesWithNaive() {
        return agreementCases("matmulWithTransposedRightAgreesWithNaive", RightOperand.TRANSPOSED);
    }

    private Stream<DynamicTest> agreementCases(String law, RightOperand operand) {
        Kernel kernel = kernel();
        Kernel oracle = oracle();
        return ForAll.cases(MatmulCase.random(ForAll.seed(law), ForAll.tries(MATMUL_TRIES), operand), c -> {
            Tensor left = c.left();
            Tensor right = c.right();
            Tensor actual = kernel.matmul(left, right, c.operand());
            Agreement.assertMatmulAgrees(left, right, c.operand(), actual, oracle.matmul(left, right, c.operand()));
        });
    }
}
