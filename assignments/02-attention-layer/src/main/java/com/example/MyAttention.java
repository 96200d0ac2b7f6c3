package com.example;

import java.util.Objects;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/**
 * Your scaled dot-product attention, equation (1) of Vaswani et al. (2017):
 * {@code Attention(Q, K, V) = softmax(Q·Kᵀ / √d_k) · V}, on any kernel's matmul and softmax.
 * Read the contract in {@link AttentionLayer}'s Javadoc; ASSIGNMENT.md says what to do.
 */
public final class MyAttention implements AttentionLayer {

    private final Kernel kernel;

    public MyAttention(Kernel kernel) {
        this.kernel = Objects.requireNonNull(kernel, "kernel");
    }

    /**
     * {@code query [..., Tq, Dk]}, {@code key [..., Tk, Dk]}, {@code value [..., Tk, Dv]}; returns
     * the output {@code [..., Tq, Dv]} and the weights {@code [..., Tq, Tk]}. Reject shapes that do
     * not fit and a mask that does not fit ({@code mask.requireFits("MyAttention", query, key)}).
     */
    @Override
    public AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask) {
        throw new UnsupportedOperationException("not implemented yet: MyAttention.forward on kernel " + kernel.id());
    }
}
