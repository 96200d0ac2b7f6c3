package org.attentionlab.testkit;

/** Broken on purpose: positions 10 apart get the same vector (the position is taken modulo 10). */
class WrapsAroundEncoding extends SinusoidalEncoding {

    WrapsAroundEncoding(int dModel) {
        super(dModel);
    }

    @Override
    double position(int pos, int length) {
        return pos % 10;
    }
}
