package com.example;

import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * The backward of the masked, scaled softmax {@code W = softmax(s·S, mask)}: given the weights
 * {@code W} the forward produced and the gradient {@code dW} of the loss with respect to them,
 * return the gradient {@code dS} with respect to the scores. ASSIGNMENT.md says how to derive it
 * and how it is checked.
 */
public final class MySoftmaxBackward {

    private MySoftmaxBackward() {
    }

    /** The forward, given: {@code softmax(scale · scores)} on the kernel, {@code [..., Tq, Tk]}. */
    public static Tensor forward(Kernel kernel, Tensor scores, float scale, Mask mask) {
        return kernel.softmax(scores, scale, mask);
    }

    /**
     * {@code dS}, the shape of the scores, from {@code weights = forward(...)} and {@code dWeights}
     * (both {@code [..., Tq, Tk]}). Masked entries get gradient exactly 0, and a fully masked row
     * all zeros, never NaN.
     */
    public static Tensor backward(Kernel kernel, Tensor weights, Tensor dWeights, float scale, Mask mask) {
        throw new UnsupportedOperationException("not implemented yet: MySoftmaxBackward.backward");
    }
}
