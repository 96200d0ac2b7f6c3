package org.attentionlab.attention;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Tensor;

/**
 * A linear projection {@code y = x·W + b}, as in {@code Q = x·W_Q}.
 *
 * <p>{@code W} is stored {@code [Din, Dout]} so that the code reads like the course formulas
 * ({@code x·W}). PyTorch's {@code nn.Linear} stores {@code [Dout, Din]} and computes
 * {@code x·Wᵀ}: to load its weights, pass {@code torchWeight.transposeLastTwo()}.
 *
 * @param weight {@code [Din, Dout]}
 * @param bias   {@code [Dout]}, or empty for no bias
 */
public record Linear(Tensor weight, Optional<Tensor> bias) {

    public Linear {
        Objects.requireNonNull(weight, "weight");
        Objects.requireNonNull(bias, "bias (use Optional.empty())");
        if (weight.rank() != 2) {
            throw new IllegalArgumentException("Linear: weight must be [Din, Dout], got " + Arrays.toString(weight.shape()));
        }
        bias.ifPresent(b -> {
            if (b.rank() != 1 || b.dim(0) != weight.dim(1)) {
                throw new IllegalArgumentException("Linear: bias must be [" + weight.dim(1) + "] for weight "
                        + Arrays.toString(weight.shape()) + ", got " + Arrays.toString(b.shape()));
            }
        });
    }

    /** Without a bias: {@code y = x·W}. */
    public static Linear of(Tensor weight) {
        return new Linear(weight, Optional.empty());
    }

    /** With a bias: {@code y = x·W + b}. */
    public static Linear of(Tensor weight, Tensor bias) {
        return new Linear(weight, Optional.of(bias));
    }

    /**
     * Xavier/Glorot uniform initialisation (Glorot and Bengio 2010): entries of W drawn from
     * U(−a, a) with a = √(6 / (Din + Dout)), which keeps the variance of activations about the
     * same going forward and backward. Deterministic for a given seed.
     */
    public static Linear xavierUniform(int dIn, int dOut, Bias bias, long seed) {
        Objects.requireNonNull(bias, "bias");
        if (dIn < 1 || dOut < 1) {
            throw new IllegalArgumentException("Linear.xavierUniform: sizes must be >= 1, got " + dIn + " x " + dOut);
        }
        float a = (float) Math.sqrt(6.0 / (dIn + dOut));
        Tensor weight = Tensor.randomUniform(seed, -a, a, dIn, dOut);
        return bias == Bias.ZEROS ? of(weight, Tensor.zeros(dOut)) : of(weight);
    }

    /** Input width {@code Din}. */
    public int inputWidth() {
        return weight.dim(0);
    }

    /** Output width {@code Dout}. */
    public int outputWidth() {
        return weight.dim(1);
    }

    /** {@code x·W + b}: {@code [..., Din] -> [..., Dout]}, the product computed by {@code kernel}. */
    public Tensor apply(Kernel kernel, Tensor x) {
        Objects.requireNonNull(kernel, "kernel");
        Objects.requireNonNull(x, "x");
        if (x.rank() < 2 || x.dim(-1) != inputWidth()) {
            throw new IllegalArgumentException("Linear: input " + Arrays.toString(x.shape()) + " does not fit weight "
                    + Arrays.toString(weight.shape()) + " (needs [..., T, " + inputWidth() + "])");
        }
        Tensor y = kernel.matmul(x, weight); // [..., T, Dout]; the rank-2 weight is shared by every batch entry
        return bias.map(y::plus).orElse(y);
    }

    /** Columns {@code from..to-1} of W (and b): the part of the projection that feeds one head. */
    public Linear columns(int from, int to) {
        return new Linear(weight.sliceLast(from, to), bias.map(b -> b.sliceLast(from, to)));
    }
}
