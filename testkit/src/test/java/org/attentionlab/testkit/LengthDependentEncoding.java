package org.attentionlab.testkit;

/** Broken on purpose: uses the relative position {@code pos / T}, so a position's vector moves when the sequence grows. */
class LengthDependentEncoding extends SinusoidalEncoding {

    LengthDependentEncoding(int dModel) {
        super(dModel);
    }

    @Override
    double position(int pos, int length) {
        return 10.0 * pos / length;
    }
}
