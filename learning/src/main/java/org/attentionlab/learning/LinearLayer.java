package org.attentionlab.learning;

import java.util.Objects;
import java.util.Optional;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.Linear;

/**
 * A linear layer {@code y = x·W + b} ({@link Linear}, W stored {@code [Din, Dout]}) and its derivative.
 *
 * <pre>
 *   forward   y = x·W + b             x [..., Din], W [Din, Dout], b [Dout], y [..., Dout]
 *   backward  dx = dy·Wᵀ              (the product rule of {@link Matmul})
 *             dW = xᵀ·dy              over every row of every batch entry: W is shared by all
 *             db = Σ_rows dy          b was added to every row, so every row's gradient reaches it
 * </pre>
 */
public final class LinearLayer {

    private LinearLayer() {
    }

    /**
     * The gradients of the input and of the layer's parameters.
     *
     * @param input  {@code dx}, shaped as {@code x}
     * @param weight {@code dW [Din, Dout]}
     * @param bias   {@code db [Dout]}, present if the layer has a bias
     */
    public record Gradients(Tensor input, Tensor weight, Optional<Tensor> bias) {
        public Gradients {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(weight, "weight");
            Objects.requireNonNull(bias, "bias");
        }

        /** The parameters' gradients in the layer's own shape: {@code dW} and {@code db} as a {@link Linear}. */
        public Linear asLinear() {
            return new Linear(weight, bias);
        }
    }

    /** {@code x·W + b}: {@link Linear#apply}. */
    public static Tensor forward(Kernel kernel, Linear layer, Tensor x) {
        return layer.apply(kernel, x); // [..., Dout]
    }

    /**
     * The gradients given {@code dy}, the gradient of the layer's output.
     *
     * @param x  the forward's input {@code [..., Din]}
     * @param dy {@code [..., Dout]}
     */
    public static Gradients backward(Kernel kernel, Linear layer, Tensor x, Tensor dy) {
        Objects.requireNonNull(layer, "layer");
        Matmul.Gradients product = Matmul.backward(kernel, x, layer.weight(), RightOperand.AS_IS, dy); // dx, dW
        Optional<Tensor> dBias = layer.bias().map(b -> Elementwise.columnSums(kernel, dy));       // [Dout]
        return new Gradients(product.left(), product.right(), dBias);
    }
}
