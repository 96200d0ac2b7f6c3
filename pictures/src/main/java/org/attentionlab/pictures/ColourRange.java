package org.attentionlab.pictures;

import org.attentionlab.api.Tensor;

/**
 * The values a heatmap's colour scale spans: {@code min} gets the first colour, {@code max} the
 * last, values outside are clamped.
 *
 * <p>Attention weights are probabilities, so their heatmaps use {@link #UNIT}, [0, 1], and the same
 * colour means the same weight in every picture. {@link #fitted} stretches the scale to the values
 * shown, for things that are not probabilities (scores, positional encodings).
 *
 * @param min the value at the bottom of the scale
 * @param max the value at the top of the scale, greater than {@code min}
 */
public record ColourRange(double min, double max) {

    /** [0, 1]: the range of an attention weight. */
    public static final ColourRange UNIT = new ColourRange(0, 1);

    public ColourRange {
        if (!Double.isFinite(min) || !Double.isFinite(max) || !(min < max)) {
            throw new IllegalArgumentException("ColourRange: need finite min < max, got [" + min + ", " + max + "]");
        }
    }

    /**
     * From the smallest to the largest finite value of {@code values}; a constant tensor gets
     * [v − 0.5, v + 0.5] so that the range is never empty.
     *
     * @throws IllegalArgumentException if {@code values} has no finite value
     */
    public static ColourRange fitted(Tensor values) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (float v : values.toArray()) {
            if (Float.isFinite(v)) {
                low = Math.min(low, v);
                high = Math.max(high, v);
            }
        }
        if (low > high) {
            throw new IllegalArgumentException("ColourRange.fitted: no finite value in a tensor of shape "
                    + java.util.Arrays.toString(values.shape()));
        }
        return low < high ? new ColourRange(low, high) : new ColourRange(low - 0.5, high + 0.5);
    }

    /** Symmetric around zero, [−m, m] with m the largest |value|: for signed values like encodings. */
    public static ColourRange symmetric(Tensor values) {
        ColourRange fitted = fitted(values);
        double m = Math.max(Math.abs(fitted.min), Math.abs(fitted.max));
        return new ColourRange(-m, m);
    }
}
