package org.attentionlab.api;

import java.nio.FloatBuffer;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * A dense, row-major tensor of {@code float} (float32) values of any rank.
 *
 * <p>Immutable: every factory copies what it is given, every accessor that returns an array
 * returns a copy, and every operation returns a new tensor. A tensor can therefore be shared
 * freely between threads and layers.
 *
 * <p>Shapes are written as in the README's shape vocabulary, e.g. {@code [B, H, Tq, Dk]}. Axes
 * may be given from the end with negative numbers, as in NumPy: {@code dim(-1)} is the last.
 *
 * <p>Errors: a bad shape, index or argument raises {@link IllegalArgumentException} (or
 * {@link IndexOutOfBoundsException} for an element index) whose message names the operation and
 * the shapes involved. No method accepts {@code null}.
 */
public final class Tensor {

    /** Tensors larger than this are printed truncated, as NumPy and PyTorch do. */
    static final int PRINT_THRESHOLD = 1000;

    private final float[] data;
    private final int[] shape;

    /** Takes ownership of both arrays: callers inside this class pass fresh arrays only. */
    private Tensor(float[] data, int[] shape) {
        this.data = data;
        this.shape = shape;
    }

    // ---------------------------------------------------------------- factories

    /** A rank-1 tensor (a vector) holding a copy of {@code values}. */
    public static Tensor of(float... values) {
        Objects.requireNonNull(values, "values");
        return new Tensor(values.clone(), new int[] {values.length});
    }

    /** A rank-2 tensor (a matrix) from rows of equal length. */
    public static Tensor of(float[][] rows) {
        Objects.requireNonNull(rows, "rows");
        int cols = rows.length == 0 ? 0 : rows[0].length;
        float[] data = new float[rows.length * cols];
        for (int i = 0; i < rows.length; i++) {
            requireLength(rows[i], cols, "row " + i);
            System.arraycopy(rows[i], 0, data, i * cols, cols);
        }
        return new Tensor(data, new int[] {rows.length, cols});
    }

    /** A rank-3 tensor, e.g. a batch of matrices {@code [B, T, D]}, from equally shaped matrices. */
    public static Tensor of(float[][][] matrices) {
        Objects.requireNonNull(matrices, "matrices");
        Tensor[] parts = new Tensor[matrices.length];
        for (int b = 0; b < matrices.length; b++) {
            parts[b] = of(matrices[b]);
        }
        return stack("Tensor.of(float[][][])", parts, matrices.length == 0 ? new int[] {0, 0} : null);
    }

    /** A rank-4 tensor, e.g. {@code [B, H, T, Dk]}, from equally shaped rank-3 arrays. */
    public static Tensor of(float[][][][] blocks) {
        Objects.requireNonNull(blocks, "blocks");
        Tensor[] parts = new Tensor[blocks.length];
        for (int b = 0; b < blocks.length; b++) {
            parts[b] = of(blocks[b]);
        }
        return stack("Tensor.of(float[][][][])", parts, blocks.length == 0 ? new int[] {0, 0, 0} : null);
    }

    /**
     * A tensor of the given shape holding a copy of {@code data} in row-major order.
     *
     * @throws IllegalArgumentException if {@code data.length} is not the product of the shape
     */
    public static Tensor fromArray(float[] data, int... shape) {
        Objects.requireNonNull(data, "data");
        int[] s = checkedShape("Tensor.fromArray", shape);
        if (data.length != sizeOf(s)) {
            throw new IllegalArgumentException("Tensor.fromArray: " + data.length
                    + " values cannot fill shape " + Arrays.toString(s) + " (" + sizeOf(s) + " values)");
        }
        return new Tensor(data.clone(), s);
    }

    /**
     * A tensor whose values are written once, in place, by {@code writer}: how kernels build their
     * results without a second copy. The values start at 0. The {@link TensorWriter} is closed when
     * {@code writer} returns, so nothing can change the tensor afterwards.
     */
    public static Tensor generate(int[] shape, Consumer<TensorWriter> writer) {
        Objects.requireNonNull(writer, "writer");
        int[] s = checkedShape("Tensor.generate", shape);
        float[] data = allocate("Tensor.generate", s);
        TensorWriter out = new TensorWriter(data);
        try {
            writer.accept(out);
        } finally {
            out.close();
        }
        return new Tensor(data, s);
    }

    /** A tensor of zeros. */
    public static Tensor zeros(int... shape) {
        int[] s = checkedShape("Tensor.zeros", shape);
        return new Tensor(allocate("Tensor.zeros", s), s);
    }

    /** A tensor with every element equal to {@code value}. */
    public static Tensor full(float value, int... shape) {
        int[] s = checkedShape("Tensor.full", shape);
        float[] data = new float[sizeOf(s)];
        Arrays.fill(data, value);
        return new Tensor(data, s);
    }

    /** Standard normal values N(0, 1); the same seed always gives the same tensor. */
    public static Tensor randomNormal(long seed, int... shape) {
        int[] s = checkedShape("Tensor.randomNormal", shape);
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[sizeOf(s)];
        for (int i = 0; i < data.length; i++) {
            data[i] = (float) gaussian(random);
        }
        return new Tensor(data, s);
    }

    /** Uniform values in {@code [low, high)}; the same seed always gives the same tensor. */
    public static Tensor randomUniform(long seed, float low, float high, int... shape) {
        int[] s = checkedShape("Tensor.randomUniform", shape);
        if (!(low < high) || !Float.isFinite(low) || !Float.isFinite(high)) {
            throw new IllegalArgumentException("Tensor.randomUniform: need finite low < high, got ["
                    + low + ", " + high + ")");
        }
        SplittableRandom random = new SplittableRandom(seed);
        float[] data = new float[sizeOf(s)];
        for (int i = 0; i < data.length; i++) {
            double exact = low + ((double) high - low) * random.nextDouble();
            float value = (float) exact;
            // round down, not to nearest: rounding up could reach high itself
            data[i] = value > exact ? Math.nextDown(value) : value;
        }
        return new Tensor(data, s);
    }

    /** Box-Muller, written out so that a seed gives the same numbers on every JDK version. */
    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble(); // in (0, 1]: log(u1) is finite
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    // ---------------------------------------------------------------- structure

    /** The number of dimensions (0 for a scalar). */
    public int rank() {
        return shape.length;
    }

    /** A copy of the shape. */
    public int[] shape() {
        return shape.clone();
    }

    /** The size of one dimension; negative axes count from the end ({@code -1} is the last). */
    public int dim(int axis) {
        return shape[axis("Tensor.dim", axis)];
    }

    /** The number of elements. */
    public int size() {
        return data.length;
    }

    /** The element at the given index, one coordinate per dimension. */
    public float get(int... index) {
        return data[offsetOf(index)];
    }

    /** The only value of a tensor with one element (any rank). */
    public float item() {
        if (data.length != 1) {
            throw new IllegalArgumentException("Tensor.item: tensor of shape " + Arrays.toString(shape)
                    + " has " + data.length + " elements, not 1");
        }
        return data[0];
    }

    /**
     * The values in row-major order as a read-only buffer over this tensor's own storage: no copy,
     * and no way to change the tensor through it. This is the read path kernels use;
     * {@code values().get(i)} reads one element, {@code values().get(i, row, 0, n)} copies
     * {@code n} of them into {@code row}. Each call returns a new buffer (position 0), so callers
     * on different threads do not share a position.
     */
    public FloatBuffer values() {
        return FloatBuffer.wrap(data).asReadOnlyBuffer();
    }

    /** A copy of the values in row-major order. */
    public float[] toArray() {
        return data.clone();
    }

    /** The values of a rank-2 tensor as rows. */
    public float[][] toMatrix() {
        if (rank() != 2) {
            throw new IllegalArgumentException("Tensor.toMatrix: needs rank 2, got shape " + Arrays.toString(shape));
        }
        float[][] rows = new float[shape[0]][];
        for (int i = 0; i < shape[0]; i++) {
            rows[i] = Arrays.copyOfRange(data, i * shape[1], (i + 1) * shape[1]);
        }
        return rows;
    }

    // ---------------------------------------------------------------- reshaping

    /**
     * The same values in a new shape with the same number of elements. One dimension may be
     * {@code -1}, meaning "whatever makes the sizes match".
     */
    public Tensor reshape(int... newShape) {
        Objects.requireNonNull(newShape, "newShape");
        int[] s = newShape.clone();
        int inferred = -1;
        int known = 1;
        for (int i = 0; i < s.length; i++) {
            if (s[i] == -1 && inferred < 0) {
                inferred = i;
            } else if (s[i] < 0) {
                throw new IllegalArgumentException("Tensor.reshape: bad target shape " + Arrays.toString(newShape)
                        + " for shape " + Arrays.toString(shape) + " (sizes must be >= 0, at most one -1)");
            } else {
                known *= s[i];
            }
        }
        if (inferred >= 0) {
            if (known == 0 || data.length % known != 0) {
                throw new IllegalArgumentException("Tensor.reshape: cannot infer -1 in " + Arrays.toString(newShape)
                        + " for shape " + Arrays.toString(shape) + " (" + data.length + " elements)");
            }
            s[inferred] = data.length / known;
        }
        if (sizeOf(s) != data.length) {
            throw new IllegalArgumentException("Tensor.reshape: shape " + Arrays.toString(shape) + " ("
                    + data.length + " elements) cannot become " + Arrays.toString(newShape));
        }
        return new Tensor(data, s); // data is never written after construction, so sharing it is safe
    }

    /** Swaps the last two dimensions: {@code [..., M, N] -> [..., N, M]} (Kᵀ in the formulas). */
    public Tensor transposeLastTwo() {
        if (rank() < 2) {
            throw new IllegalArgumentException("Tensor.transposeLastTwo: needs rank >= 2, got shape "
                    + Arrays.toString(shape));
        }
        int[] axes = new int[rank()];
        for (int i = 0; i < axes.length; i++) {
            axes[i] = i;
        }
        axes[rank() - 2] = rank() - 1;
        axes[rank() - 1] = rank() - 2;
        return permute(axes);
    }

    /**
     * Reorders the dimensions: result dimension {@code i} is this tensor's dimension
     * {@code axes[i]}. For example {@code [B, T, H, Dk].permute(0, 2, 1, 3) -> [B, H, T, Dk]}.
     */
    public Tensor permute(int... axes) {
        Objects.requireNonNull(axes, "axes");
        if (axes.length != rank()) {
            throw new IllegalArgumentException("Tensor.permute: " + Arrays.toString(axes)
                    + " does not name each of the " + rank() + " dimensions of shape " + Arrays.toString(shape));
        }
        int[] resolved = new int[axes.length];
        boolean[] seen = new boolean[axes.length];
        for (int i = 0; i < axes.length; i++) {
            resolved[i] = axis("Tensor.permute", axes[i]);
            if (seen[resolved[i]]) {
                throw new IllegalArgumentException("Tensor.permute: axis " + axes[i] + " repeated in "
                        + Arrays.toString(axes) + " for shape " + Arrays.toString(shape));
            }
            seen[resolved[i]] = true;
        }
        int[] newShape = new int[rank()];
        int[] sourceStrides = strides(shape);
        int[] permutedStrides = new int[rank()];
        for (int i = 0; i < rank(); i++) {
            newShape[i] = shape[resolved[i]];
            permutedStrides[i] = sourceStrides[resolved[i]];
        }
        float[] out = new float[data.length];
        int[] index = new int[rank()];
        for (int flat = 0; flat < out.length; flat++) {
            int source = 0;
            for (int d = 0; d < rank(); d++) {
                source += index[d] * permutedStrides[d];
            }
            out[flat] = data[source];
            increment(index, newShape);
        }
        return new Tensor(out, newShape);
    }

    /**
     * The slice at {@code index} along {@code axis}, without that axis: {@code [B, H, Tq, Tk]
     * .select(1, h)} is head {@code h}'s weights {@code [B, Tq, Tk]}, and {@code .select(0, b)
     * .select(0, h)} its {@code [Tq, Tk]} matrix for sequence {@code b}. Negative axes count from the end.
     */
    public Tensor select(int axis, int index) {
        int a = axis("Tensor.select", axis);
        if (index < 0 || index >= shape[a]) {
            throw new IndexOutOfBoundsException("Tensor.select: index " + index + " is outside axis " + axis
                    + " of shape " + Arrays.toString(shape));
        }
        int outer = sizeOf(Arrays.copyOf(shape, a));                       // dimensions before the axis
        int inner = sizeOf(Arrays.copyOfRange(shape, a + 1, rank()));     // dimensions after it
        int[] newShape = new int[rank() - 1];
        System.arraycopy(shape, 0, newShape, 0, a);
        System.arraycopy(shape, a + 1, newShape, a, rank() - a - 1);
        float[] out = new float[outer * inner];
        for (int o = 0; o < outer; o++) {
            System.arraycopy(data, (o * shape[a] + index) * inner, out, o * inner, inner);
        }
        return new Tensor(out, newShape);
    }

    /**
     * Columns {@code from} (inclusive) to {@code to} (exclusive) of the last dimension:
     * {@code [..., D] -> [..., to - from]}. This is how one head's slice is taken from a projection.
     */
    public Tensor sliceLast(int from, int to) {
        if (rank() < 1) {
            throw new IllegalArgumentException("Tensor.sliceLast: a scalar has no last dimension");
        }
        int last = shape[rank() - 1];
        if (from < 0 || to > last || from > to) {
            throw new IllegalArgumentException("Tensor.sliceLast: range [" + from + ", " + to
                    + ") is outside the last dimension of shape " + Arrays.toString(shape));
        }
        int width = to - from;
        int rows = sizeOf(Arrays.copyOf(shape, rank() - 1));
        int[] newShape = shape.clone();
        newShape[rank() - 1] = width;
        float[] out = new float[rows * width];
        for (int r = 0; r < rows; r++) {
            System.arraycopy(data, r * last + from, out, r * width, width);
        }
        return new Tensor(out, newShape);
    }

    /**
     * Joins tensors along their last dimension: shapes {@code [..., D1], [..., D2], ...} with
     * equal leading dimensions give {@code [..., D1 + D2 + ...]}. This is how heads are concatenated.
     */
    public static Tensor concatLast(List<Tensor> parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("Tensor.concatLast: nothing to concatenate");
        }
        Tensor first = parts.get(0);
        if (first.rank() < 1) {
            throw new IllegalArgumentException("Tensor.concatLast: scalars have no last dimension");
        }
        int[] leading = Arrays.copyOf(first.shape, first.rank() - 1);
        int total = 0;
        for (Tensor part : parts) {
            if (!Arrays.equals(leading, Arrays.copyOf(part.shape, Math.max(part.rank() - 1, 0)))
                    || part.rank() != first.rank()) {
                throw new IllegalArgumentException("Tensor.concatLast: leading dimensions differ: "
                        + Arrays.toString(first.shape) + " and " + Arrays.toString(part.shape));
            }
            total += part.shape[part.rank() - 1];
        }
        int rows = sizeOf(leading);
        int[] newShape = Arrays.copyOf(leading, leading.length + 1);
        newShape[leading.length] = total;
        float[] out = new float[rows * total];
        int column = 0;
        for (Tensor part : parts) {
            int width = part.shape[part.rank() - 1];
            for (int r = 0; r < rows; r++) {
                System.arraycopy(part.data, r * width, out, r * total + column, width);
            }
            column += width;
        }
        return new Tensor(out, newShape);
    }

    // ---------------------------------------------------------------- element-wise arithmetic

    /**
     * Element-wise sum. {@code other} must have this tensor's shape or a suffix of it, and is then
     * repeated over the leading dimensions: a bias {@code [D]} adds to every row of {@code [B, T, D]},
     * positional encodings {@code [T, D]} add to every sequence of {@code [B, T, D]}.
     */
    public Tensor plus(Tensor other) {
        Objects.requireNonNull(other, "other");
        int offset = rank() - other.rank();
        if (offset < 0 || !Arrays.equals(other.shape, Arrays.copyOfRange(shape, offset, rank()))) {
            throw new IllegalArgumentException("Tensor.plus: shape " + Arrays.toString(other.shape)
                    + " is not a trailing part of " + Arrays.toString(shape));
        }
        float[] out = new float[data.length];
        int period = other.data.length;
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] + other.data[i % period];
        }
        return new Tensor(out, shape.clone());
    }

    /** Every element multiplied by {@code factor}. */
    public Tensor times(float factor) {
        float[] out = new float[data.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = data[i] * factor;
        }
        return new Tensor(out, shape.clone());
    }

    // ---------------------------------------------------------------- comparison

    /**
     * True if both tensors have the same shape and every pair of elements satisfies
     * {@code |this - other| <= atol + rtol * |other|} (NumPy's rule). NaN is never close to anything;
     * equal infinities are close.
     */
    public boolean allClose(Tensor other, double rtol, double atol) {
        Objects.requireNonNull(other, "other");
        if (!(rtol >= 0) || !(atol >= 0)) {
            throw new IllegalArgumentException("Tensor.allClose: tolerances must be >= 0, got rtol="
                    + rtol + ", atol=" + atol);
        }
        if (!Arrays.equals(shape, other.shape)) {
            return false;
        }
        for (int i = 0; i < data.length; i++) {
            float a = data[i];
            float b = other.data[i];
            if (a == b) {
                continue; // also covers equal infinities
            }
            if (Float.isInfinite(a) || Float.isInfinite(b)) {
                return false; // as in NumPy: an infinity is close only to itself
            }
            if (!(Math.abs((double) a - b) <= atol + rtol * Math.abs((double) b))) {
                return false; // also false for NaN
            }
        }
        return true;
    }

    /**
     * The largest {@code |this - other|} over all elements (NaN if either has a NaN), for messages
     * that say how far apart two results are.
     */
    public double maxAbsDifference(Tensor other) {
        Objects.requireNonNull(other, "other");
        if (!Arrays.equals(shape, other.shape)) {
            throw new IllegalArgumentException("Tensor.maxAbsDifference: shapes differ: "
                    + Arrays.toString(shape) + " and " + Arrays.toString(other.shape));
        }
        double max = 0;
        for (int i = 0; i < data.length; i++) {
            if (data[i] == other.data[i]) {
                continue; // equal infinities differ by 0, not by inf - inf = NaN
            }
            double diff = Math.abs((double) data[i] - other.data[i]);
            if (Double.isNaN(diff)) {
                return Double.NaN;
            }
            max = Math.max(max, diff);
        }
        return max;
    }

    /** Equal shapes and bit-for-bit equal values. Use {@link #allClose} for numerical comparison. */
    @Override
    public boolean equals(Object o) {
        return o instanceof Tensor && Arrays.equals(shape, ((Tensor) o).shape)
                && Arrays.equals(data, ((Tensor) o).data);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(shape) + Arrays.hashCode(data);
    }

    /**
     * Prints like PyTorch: nested brackets, one precision for all elements, large tensors
     * truncated to their first and last three entries per dimension, then the shape.
     */
    @Override
    public String toString() {
        return TensorFormat.format(data, shape, PRINT_THRESHOLD);
    }

    // ---------------------------------------------------------------- index arithmetic

    /** Row-major strides: the distance in {@code data} between neighbours along each dimension. */
    static int[] strides(int[] shape) {
        int[] strides = new int[shape.length];
        int stride = 1;
        for (int d = shape.length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        return strides;
    }

    private int offsetOf(int[] index) {
        Objects.requireNonNull(index, "index");
        if (index.length != rank()) {
            throw new IllegalArgumentException("Tensor.get: index " + Arrays.toString(index)
                    + " has " + index.length + " coordinates, shape " + Arrays.toString(shape) + " needs " + rank());
        }
        int offset = 0;
        for (int d = 0; d < index.length; d++) {
            if (index[d] < 0 || index[d] >= shape[d]) {
                throw new IndexOutOfBoundsException("Tensor.get: index " + Arrays.toString(index)
                        + " is outside shape " + Arrays.toString(shape));
            }
            offset = offset * shape[d] + index[d];
        }
        return offset;
    }

    private int axis(String operation, int axis) {
        int resolved = axis < 0 ? axis + rank() : axis;
        if (resolved < 0 || resolved >= rank()) {
            throw new IllegalArgumentException(operation + ": axis " + axis + " does not exist in shape "
                    + Arrays.toString(shape));
        }
        return resolved;
    }

    /** Advances a row-major multi-index by one. */
    private static void increment(int[] index, int[] shape) {
        for (int d = index.length - 1; d >= 0; d--) {
            if (++index[d] < shape[d]) {
                return;
            }
            index[d] = 0;
        }
    }

    static int sizeOf(int[] shape) {
        long size = 1;
        for (int s : shape) {
            size *= s;
            if (size > Integer.MAX_VALUE - 8) {
                throw new IllegalArgumentException("shape " + Arrays.toString(shape)
                        + " has more elements than a Java array can hold");
            }
        }
        return (int) size;
    }

    /**
     * A fresh zeroed array for {@code shape}; if the heap cannot hold it, an {@link OutOfMemoryError}
     * that says how many bytes were asked for instead of the JVM's bare one.
     */
    private static float[] allocate(String operation, int[] shape) {
        int size = sizeOf(shape);
        try {
            return new float[size];
        } catch (OutOfMemoryError e) {
            OutOfMemoryError clear = new OutOfMemoryError(operation + ": a tensor of shape " + Arrays.toString(shape)
                    + " needs " + MemoryCheck.bytesText(4L * size) + "; " + MemoryCheck.heapText());
            clear.initCause(e);
            throw clear;
        }
    }

    private static int[] checkedShape(String operation, int[] shape) {
        Objects.requireNonNull(shape, "shape");
        for (int s : shape) {
            if (s < 0) {
                throw new IllegalArgumentException(operation + ": negative size in shape " + Arrays.toString(shape));
            }
        }
        sizeOf(shape);
        return shape.clone();
    }

    private static void requireLength(float[] row, int expected, String what) {
        Objects.requireNonNull(row, what);
        if (row.length != expected) {
            throw new IllegalArgumentException("Tensor.of: ragged array: " + what + " has length "
                    + row.length + ", expected " + expected);
        }
    }

    /** Stacks equally shaped tensors along a new first dimension. */
    private static Tensor stack(String operation, Tensor[] parts, int[] emptyInnerShape) {
        int[] inner = parts.length == 0 ? emptyInnerShape : parts[0].shape;
        for (Tensor part : parts) {
            if (!Arrays.equals(inner, part.shape)) {
                throw new IllegalArgumentException(operation + ": ragged array: parts of shape "
                        + Arrays.toString(inner) + " and " + Arrays.toString(part.shape));
            }
        }
        int partSize = sizeOf(inner);
        float[] out = new float[parts.length * partSize];
        for (int b = 0; b < parts.length; b++) {
            System.arraycopy(parts[b].data, 0, out, b * partSize, partSize);
        }
        int[] newShape = new int[inner.length + 1];
        newShape[0] = parts.length;
        System.arraycopy(inner, 0, newShape, 1, inner.length);
        return new Tensor(out, newShape);
    }
}
