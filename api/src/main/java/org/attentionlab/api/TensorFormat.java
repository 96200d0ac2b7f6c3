package org.attentionlab.api;

import java.util.Arrays;
import java.util.Locale;

/**
 * Prints a tensor the way PyTorch does, because that is what students compare against:
 * {@code tensor([[0.1000, 0.2000], [0.3000, 0.4000]], shape=[2, 2])} over several lines, one
 * number format chosen for the whole tensor, and large tensors cut to their first and last
 * {@value #EDGE_ITEMS} entries per dimension with {@code ...} between.
 */
final class TensorFormat {

    static final int EDGE_ITEMS = 3;
    private static final String PREFIX = "tensor(";

    private final float[] data;
    private final int[] shape;
    private final int[] strides;
    private final boolean truncate;
    private final String pattern;
    private final int width;

    private TensorFormat(float[] data, int[] shape, int threshold) {
        this.data = data;
        this.shape = shape;
        this.strides = Tensor.strides(shape);
        this.truncate = data.length > threshold;
        this.pattern = chooseFormat(data);
        int w = 0;
        for (float v : data) {
            w = Math.max(w, number(v).length());
        }
        this.width = w;
    }

    static String format(float[] data, int[] shape, int threshold) {
        return new TensorFormat(data, shape, threshold).render();
    }

    private String render() {
        StringBuilder out = new StringBuilder(PREFIX);
        if (shape.length == 0) {
            out.append(number(data[0]).strip());
        } else {
            block(out, 0, 0);
        }
        return out.append(", shape=").append(Arrays.toString(shape)).append(')').toString();
    }

    /** Appends the sub-tensor at {@code offset} from dimension {@code depth} on. */
    private void block(StringBuilder out, int depth, int offset) {
        out.append('[');
        int n = shape[depth];
        boolean cut = truncate && n > 2 * EDGE_ITEMS;
        boolean innermost = depth == shape.length - 1;
        String separator = innermost ? ", " : "," + "\n".repeat(shape.length - depth - 1)
                + " ".repeat(PREFIX.length() + depth + 1);
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                out.append("...").append(separator);
                i = n - EDGE_ITEMS;
            }
            if (innermost) {
                out.append(number(data[offset + i]));
            } else {
                block(out, depth + 1, offset + i * strides[depth]);
            }
            if (i < n - 1) {
                out.append(separator);
            }
        }
        out.append(']');
    }

    private String number(float v) {
        String text = Float.isNaN(v) ? "nan" : Float.isInfinite(v) ? (v > 0 ? "inf" : "-inf")
                : String.format(Locale.ROOT, pattern, v);
        if (pattern.equals("%.0f") && Float.isFinite(v)) {
            text += ".";
        }
        return width == 0 ? text : " ".repeat(Math.max(0, width - text.length())) + text;
    }

    /** Integers print as {@code 2.}, ordinary magnitudes as {@code 0.1192}, the rest in scientific notation. */
    private static String chooseFormat(float[] data) {
        boolean integral = true;
        double maxAbs = 0;
        double minNonZeroAbs = Double.POSITIVE_INFINITY;
        for (float v : data) {
            if (!Float.isFinite(v)) {
                continue;
            }
            integral &= v == Math.rint(v);
            double a = Math.abs(v);
            maxAbs = Math.max(maxAbs, a);
            if (a > 0) {
                minNonZeroAbs = Math.min(minNonZeroAbs, a);
            }
        }
        if (integral && maxAbs < 1e8) {
            return "%.0f";
        }
        if (maxAbs < 1e4 && minNonZeroAbs >= 1e-4) {
            return "%.4f";
        }
        return "%.4e";
    }
}
