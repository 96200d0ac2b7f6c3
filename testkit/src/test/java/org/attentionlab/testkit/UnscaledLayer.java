package org.attentionlab.testkit;

/** Broken on purpose: forgets the 1/√d_k scale, softmax(Q·Kᵀ)·V. Everything else is right. */
class UnscaledLayer extends ReferenceLayer {

    @Override
    float scale(int dk) {
        return 1;
    }
}
