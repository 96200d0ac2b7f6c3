package org.attentionlab.learning;

import java.util.Arrays;
import java.util.Objects;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;

/**
 * The element-by-element arithmetic that backward passes need beside the kernel's matmul: the
 * Hadamard product {@code a ⊙ b}, differences, and sums. Sums over rows or over a batch are
 * written as products with a vector of ones ({@code rowsum(x) = x·1}, {@code Σ_rows x = 1ᵀ·x}),
 * so they run on the kernel like every other product.
 *
 * <p>Every method returns a new tensor and checks shapes, naming the operation in its error.
 */
public final class Elementwise {

    private Elementwise() {
    }

    /** {@code a ⊙ b}: element-wise product of two tensors of the same shape. */
    public static Tensor times(Tensor a, Tensor b) {
        requireSameShape("Elementwise.times", a, b);
        var x = a.values();
        var y = b.values();
        return Tensor.generate(a.shape(), out -> {
            for (int i = 0; i < out.size(); i++) {
                out.set(i, x.get(i) * y.get(i));
            }
        });
    }

    /** {@code a − b} for two tensors of the same shape. */
    public static Tensor minus(Tensor a, Tensor b) {
        requireSameShape("Elementwise.minus", a, b);
        return a.plus(b.times(-1f));
    }

    /** {@code a [..., N] − c [..., 1]}: the column {@code c} subtracted from every entry of its row. */
    public static Tensor minusColumn(Tensor a, Tensor column) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(column, "column");
        int[] expected = a.shape();
        expected[expected.length - 1] = 1;
        if (!Arrays.equals(expected, column.shape())) {
            throw new IllegalArgumentException("Elementwise.minusColumn: column " + Arrays.toString(column.shape())
                    + " does not fit " + Arrays.toString(a.shape()) + " (needs " + Arrays.toString(expected) + ")");
        }
        int n = a.dim(-1);
        var x = a.values();
        var c = column.values();
        return Tensor.generate(a.shape(), out -> {
            for (int i = 0; i < out.size(); i++) {
                out.set(i, x.get(i) - c.get(i / n));
            }
        });
    }

    /** {@code rowsum(a) = a·1}: {@code [..., N] -> [..., 1]}, each row's sum, computed by the kernel. */
    public static Tensor rowSums(Kernel kernel, Tensor a) {
        Tensor ones = Tensor.full(1f, a.dim(-1), 1); // [N, 1]
        return kernel.matmul(a, ones);               // [..., N]·[N, 1] -> [..., 1]
    }

    /**
     * {@code Σ_rows a = 1ᵀ·a}: {@code [..., N] -> [N]}, the sum over every leading index (the
     * gradient of a bias that was added to every row), computed by the kernel.
     */
    public static Tensor columnSums(Kernel kernel, Tensor a) {
        int n = a.dim(-1);
        int rows = a.size() / Math.max(n, 1);
        Tensor flat = a.reshape(rows, n);             // [rows, N]
        Tensor ones = Tensor.full(1f, 1, rows);       // [1, rows]
        return kernel.matmul(ones, flat).reshape(n);  // [1, rows]·[rows, N] -> [1, N] -> [N]
    }

    private static void requireSameShape(String operation, Tensor a, Tensor b) {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        if (!Arrays.equals(a.shape(), b.shape())) {
            throw new IllegalArgumentException(operation + ": shapes differ: " + Arrays.toString(a.shape())
                    + " and " + Arrays.toString(b.shape()));
        }
    }
}
