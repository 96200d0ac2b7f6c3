package org.attentionlab.api;

import java.util.Arrays;
import java.util.Objects;

/**
 * The shape arithmetic of a batched matrix product, checked once so that every kernel rejects
 * the same inputs with the same message.
 *
 * <p>{@code left} is {@code [..., M, K]}; {@code right} is {@code [..., K, N]} (or
 * {@code [..., N, K]} when {@link RightOperand#TRANSPOSED}); the result is {@code [..., M, N]}.
 * The leading ("batch") dimensions of {@code right} must equal those of {@code left}, or
 * {@code right} must have rank 2, in which case the one matrix is used for every batch entry
 * (this is how {@code [B, T, D]·[D, Dk]} projects every token with the same weights).
 *
 * <p>Flattened, the product is {@code batch} independent {@code M×K · K×N} products; the
 * offsets below say where each one starts in the row-major arrays.
 *
 * @param batch       number of matrix products (product of the leading dimensions; 1 if none)
 * @param m           rows of each left matrix and of each result
 * @param k           the shared (contracted) dimension
 * @param n           columns of each result
 * @param rightShared true if one right matrix serves every batch entry
 * @param operand     how the right operand is stored
 * @param outputShape the result's shape {@code [..., M, N]}
 */
public record MatmulShape(int batch, int m, int k, int n, boolean rightShared, RightOperand operand,
                          int[] outputShape) {

    public MatmulShape {
        outputShape = outputShape.clone(); // the record stays immutable whoever constructs it
    }

    /**
     * Checks that {@code left} and {@code right} can be multiplied.
     *
     * @throws IllegalArgumentException naming {@code matmul} and both shapes if they cannot
     */
    public static MatmulShape of(Tensor left, Tensor right, RightOperand operand) {
        Objects.requireNonNull(left, "left");
        Objects.requireNonNull(right, "right");
        Objects.requireNonNull(operand, "operand");
        int[] a = left.shape();
        int[] b = right.shape();
        if (a.length < 2 || b.length < 2) {
            throw mismatch("both operands need rank >= 2", a, b, operand);
        }
        int m = a[a.length - 2];
        int k = a[a.length - 1];
        int rightK = operand == RightOperand.AS_IS ? b[b.length - 2] : b[b.length - 1];
        int n = operand == RightOperand.AS_IS ? b[b.length - 1] : b[b.length - 2];
        if (k != rightK) {
            throw mismatch("inner dimensions differ (" + k + " vs " + rightK + ")", a, b, operand);
        }
        int[] leading = Arrays.copyOf(a, a.length - 2);
        boolean rightShared = b.length == 2;
        if (!rightShared && !Arrays.equals(leading, Arrays.copyOf(b, b.length - 2))) {
            throw mismatch("batch dimensions differ (the right operand must have the left's leading dimensions,"
                    + " or rank 2)", a, b, operand);
        }
        int[] out = Arrays.copyOf(leading, leading.length + 2);
        out[leading.length] = m;
        out[leading.length + 1] = n;
        return new MatmulShape(Tensor.sizeOf(leading), m, k, n, rightShared, operand, out);
    }

    /** The error for operands that cannot be multiplied; built only when they cannot. */
    private static IllegalArgumentException mismatch(String problem, int[] a, int[] b, RightOperand operand) {
        return new IllegalArgumentException("matmul: " + problem + ": left " + Arrays.toString(a) + ", right "
                + Arrays.toString(b) + (operand == RightOperand.TRANSPOSED ? " (transposed)" : ""));
    }

    /** Where batch entry {@code b} of the left operand starts in its row-major array. */
    public int leftOffset(int b) {
        return b * m * k;
    }

    /** Where batch entry {@code b} of the right operand starts (always 0 when shared). */
    public int rightOffset(int b) {
        return rightShared ? 0 : b * k * n;
    }

    /** Where batch entry {@code b} of the result starts. */
    public int outputOffset(int b) {
        return b * m * n;
    }

    /** A copy of the result's shape. */
    @Override
    public int[] outputShape() {
        return outputShape.clone();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MatmulShape)) {
            return false;
        }
        MatmulShape other = (MatmulShape) o;
        return batch == other.batch && m == other.m && k == other.k && n == other.n
                && rightShared == other.rightShared && operand == other.operand
                && Arrays.equals(outputShape, other.outputShape);
    }

    @Override
    public int hashCode() {
        return Objects.hash(batch, m, k, n, rightShared, operand) * 31 + Arrays.hashCode(outputShape);
    }

    @Override
    public String toString() {
        return "MatmulShape[batch=" + batch + ", m=" + m + ", k=" + k + ", n=" + n + ", rightShared="
                + rightShared + ", operand=" + operand + ", outputShape=" + Arrays.toString(outputShape) + "]";
    }
}
