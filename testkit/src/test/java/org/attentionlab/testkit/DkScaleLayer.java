package org.attentionlab.testkit;

/** Broken on purpose: scales by 1/d_k instead of 1/√d_k. Everything else is right. */
class DkScaleLayer extends ReferenceLayer {

    @Override
    float scale(int dk) {
        return 1f / dk;
    }
}
