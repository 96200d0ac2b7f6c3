package org.attentionlab.cli;

import java.util.Locale;
import org.attentionlab.api.Tensor;

/**
 * How far apart two vectors are: the largest {@code |a_i − b_i|}. Float rounding alone gives
 * about 1e-7, so small values are printed in scientific notation rather than as {@code 0.0000}.
 *
 * @param value the largest absolute difference of corresponding entries
 */
record MaxDifference(double value) {

    /** Between two vectors of the same length ({@link Tensor#maxAbsDifference}). */
    static MaxDifference between(float[] a, float[] b) {
        return new MaxDifference(Tensor.of(a).maxAbsDifference(Tensor.of(b)));
    }

    /** {@code 0}, {@code 1.2e-07} below 0.001, else four decimals such as {@code 0.8123}. */
    @Override
    public String toString() {
        if (value == 0) {
            return "0";
        }
        return String.format(Locale.ROOT, value < 1e-3 ? "%.1e" : "%.4f", value);
    }
}
