package org.attentionlab.api;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Prints a tensor the way PyTorch does (its default print options), because that is what
 * students compare against: {@code tensor([[0.1000, 0.2000], [0.3000, 0.4000]], shape=[2, 2])}
 * over several lines, one number format and width for the whole tensor, rows of numbers wrapped
 * at {@value #LINE_WIDTH} columns, and tensors of more than the threshold cut to their first and
 * last {@value #EDGE_ITEMS} entries per dimension with {@code ...} between.
 *
 * <p>The format follows PyTorch's rules, looking only at the finite non-zero entries that are
 * shown: all whole numbers print as {@code 2.}; scientific notation ({@code 1.0000e-05}) when the
 * largest magnitude exceeds 1e8 or the thousandfold of the smallest, or (for non-whole numbers)
 * the smallest is below 1e-4; otherwise four decimals.
 */
final class TensorFormat {

    static final int EDGE_ITEMS = 3;
    static final int LINE_WIDTH = 80;
    private static final String PREFIX = "tensor(";

    private enum Mode { INTEGER, FIXED, SCIENTIFIC }

    private final float[] data;
    private final int[] shape;
    private final int[] strides;
    private final boolean truncate;
    private final Mode mode;
    private final int width;

    private TensorFormat(float[] data, int[] shape, int threshold) {
        this.data = data;
        this.shape = shape;
        this.strides = Tensor.strides(shape);
        this.truncate = data.length > threshold;
        float[] shown = truncate ? shownValues() : data;
        this.mode = chooseMode(shown);
        int w = 1;
        for (float v : shown) {
            if (Float.isFinite(v) && v != 0) {
                w = Math.max(w, text(v).length());
            }
        }
        this.width = w;
    }

    static String format(float[] data, int[] shape, int threshold) {
        return new TensorFormat(data, shape, threshold).render();
    }

    private String render() {
        StringBuilder out = new StringBuilder(PREFIX);
        if (shape.length == 0) {
            out.append(padded(data[0]));
        } else if (data.length == 0) {
            out.append("[]");
        } else {
            out.append(block(0, 0, PREFIX.length()));
        }
        return out.append(", shape=").append(Arrays.toString(shape)).append(')').toString();
    }

    /** The sub-tensor at {@code offset} from dimension {@code depth} on, its lines indented by {@code indent}. */
    private String block(int depth, int offset, int indent) {
        int n = shape[depth];
        boolean cut = truncate && n > 2 * EDGE_ITEMS;
        boolean innermost = depth == shape.length - 1;
        List<String> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (cut && i == EDGE_ITEMS) {
                items.add(innermost ? " ..." : "...");
                i = n - EDGE_ITEMS;
            }
            items.add(innermost ? padded(data[offset + i]) : block(depth + 1, offset + i * strides[depth], indent + 1));
        }
        String lineBreak = " ".repeat(indent + 1);
        if (!innermost) {
            return "[" + String.join("," + "\n".repeat(shape.length - depth - 1) + lineBreak, items) + "]";
        }
        int perLine = Math.max(1, (LINE_WIDTH - indent) / (width + 2));
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < items.size(); i += perLine) {
            lines.add(String.join(", ", items.subList(i, Math.min(i + perLine, items.size()))));
        }
        return "[" + String.join(",\n" + lineBreak, lines) + "]";
    }

    /** The values that will be printed, as PyTorch's {@code get_summarized_data}. */
    private float[] shownValues() {
        List<Integer> offsets = new ArrayList<>();
        collectShown(0, 0, offsets);
        float[] shown = new float[offsets.size()];
        for (int i = 0; i < shown.length; i++) {
            shown[i] = data[offsets.get(i)];
        }
        return shown;
    }

    private void collectShown(int depth, int offset, List<Integer> offsets) {
        if (depth == shape.length) {
            offsets.add(offset);
            return;
        }
        int n = shape[depth];
        for (int i = 0; i < n; i++) {
            if (n > 2 * EDGE_ITEMS && i == EDGE_ITEMS) {
                i = n - EDGE_ITEMS;
            }
            collectShown(depth + 1, offset + i * strides[depth], offsets);
        }
    }

    private String padded(float v) {
        String text = text(v);
        return " ".repeat(Math.max(0, width - text.length())) + text;
    }

    private String text(float v) {
        if (Float.isNaN(v)) {
            return "nan";
        }
        if (Float.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        switch (mode) {
            case INTEGER:
                return String.format(Locale.ROOT, "%.0f", v) + ".";
            case FIXED:
                return String.format(Locale.ROOT, "%.4f", v);
            default:
                return String.format(Locale.ROOT, "%.4e", v);
        }
    }

    private static Mode chooseMode(float[] values) {
        boolean any = false;
        boolean integral = true;
        double min = Double.POSITIVE_INFINITY;
        double max = 0;
        for (float v : values) {
            if (!Float.isFinite(v) || v == 0) {
                continue;
            }
            any = true;
            integral &= v == Math.ceil(v);
            double a = Math.abs((double) v);
            min = Math.min(min, a);
            max = Math.max(max, a);
        }
        if (!any) {
            return Mode.INTEGER;
        }
        boolean wide = max / min > 1000 || max > 1e8;
        if (integral) {
            return wide ? Mode.SCIENTIFIC : Mode.INTEGER;
        }
        return wide || min < 1e-4 ? Mode.SCIENTIFIC : Mode.FIXED;
    }
}
