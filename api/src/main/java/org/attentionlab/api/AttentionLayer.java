package org.attentionlab.api;

/**
 * An attention layer: each query looks at every key, turns the match into weights, and returns
 * the weighted sum of the values (Vaswani et al. 2017, section 3.2).
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li><b>Shapes:</b> {@code query [..., Tq, ·]}, {@code key [..., Tk, ·]}, {@code value [..., Tk, ·]};
 *       the exact widths and ranks are the implementation's and stated in its Javadoc. Key and
 *       value have the same length {@code Tk}, which may differ from {@code Tq} (cross-attention).
 *       A mismatch, an empty sequence or a mask that does not fit raises
 *       {@link IllegalArgumentException} naming the layer and the shapes.</li>
 *   <li><b>Result:</b> the output has {@code Tq} rows; the weights are {@code [..., Tq, Tk]}, per
 *       head where the layer has heads. A query whose keys are all masked attends to nothing: its
 *       weights are all 0 (what its output is then depends on the layer; scaled dot-product
 *       attention gives the zero vector).</li>
 *   <li><b>Masks:</b> apply to the scores {@code [..., Tq, Tk]}; a mask's batch index is the inputs'
 *       first dimension when they have rank 3 or more (see {@link SoftmaxShape}).</li>
 *   <li><b>Nullness:</b> no argument may be {@code null} ({@link NullPointerException}); "no mask"
 *       is {@link Mask#none()}.</li>
 *   <li><b>State:</b> forward does not modify the layer or its inputs; an instance may be used from
 *       several threads at once.</li>
 * </ul>
 */
public interface AttentionLayer {

    /**
     * Attends from {@code query} to {@code key}/{@code value}, with masked entries given weight 0.
     */
    AttentionResult forward(Tensor query, Tensor key, Tensor value, Mask mask);

    /**
     * The output of {@link #forward(Tensor, Tensor, Tensor, Mask)} alone, for when the weights are
     * not looked at: a layer on a kernel with fused attention then never holds the
     * {@code Tq × Tk} weights, so memory grows with {@code T}, not {@code T²}. The default calls
     * {@code forward} and drops the weights.
     */
    default Tensor output(Tensor query, Tensor key, Tensor value, Mask mask) {
        return forward(query, key, value, mask).output();
    }

    /** {@link #forward(Tensor, Tensor, Tensor, Mask)} without a mask. */
    default AttentionResult forward(Tensor query, Tensor key, Tensor value) {
        return forward(query, key, value, Mask.none());
    }

    /** Self-attention: queries, keys and values all come from the same sequence {@code x}. */
    default AttentionResult selfAttention(Tensor x, Mask mask) {
        return forward(x, x, x, mask);
    }
}
