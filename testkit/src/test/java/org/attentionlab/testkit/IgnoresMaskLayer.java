package org.attentionlab.testkit;

import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;

/** Broken on purpose: checks that the mask fits, then applies none. */
class IgnoresMaskLayer extends ReferenceLayer {

    @Override
    Tensor softmax(Tensor scores, Mask mask) {
        return naive.softmax(scores, Mask.none());
    }
}
