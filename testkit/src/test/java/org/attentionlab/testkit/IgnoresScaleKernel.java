package org.attentionlab.testkit;

import org.attentionlab.api.Mask;
import org.attentionlab.api.SoftmaxShape;
import org.attentionlab.api.Tensor;

/**
 * Broken on purpose: an old-style softmax that takes the scale argument but neither checks nor
 * applies it, {@code softmax(scores, mask)} whatever the scale.
 */
public final class IgnoresScaleKernel extends BrokenKernel {

    static final String ID = "test-ignores-scale";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public Tensor softmax(Tensor scores, float scale, Mask mask) {
        SoftmaxShape.of(scores, mask);           // the bug: SoftmaxShape.of(scores, scale, mask) would check the scale
        return naive.softmax(scores, 1f, mask);  // and the scale is dropped
    }
}
