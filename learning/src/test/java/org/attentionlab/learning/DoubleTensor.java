package org.attentionlab.learning;

import java.util.Arrays;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;

/**
 * The forwards again, in double and in plain loops: the independent oracle the finite differences
 * are taken of (exact to about 1e-16, so the differences measure the float32 backward alone).
 * Only what the gradient laws need; shapes as in {@link Tensor}.
 */
record DoubleTensor(double[] values, int[] shape) {

    static DoubleTensor of(Tensor t) {
        float[] f = t.toArray();
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) {
            d[i] = f[i];
        }
        return new DoubleTensor(d, t.shape());
    }

    int dim(int axis) {
        return shape[axis < 0 ? axis + shape.length : axis];
    }

    /** {@code [..., M, K]·[..., K, N]} (or {@code ·[..., N, K]ᵀ}); a rank-2 right operand is shared by every batch entry. */
    DoubleTensor matmul(DoubleTensor right, RightOperand operand) {
        int m = dim(-2);
        int k = dim(-1);
        boolean transposed = operand == RightOperand.TRANSPOSED;
        int n = transposed ? right.dim(-2) : right.dim(-1);
        int batch = values.length / (m * k);
        boolean shared = right.shape.length == 2;
        double[] out = new double[batch * m * n];
        for (int b = 0; b < batch; b++) {
            int rb = shared ? 0 : b * k * n;
            for (int i = 0; i < m; i++) {
                for (int j = 0; j < n; j++) {
                    double sum = 0;
                    for (int l = 0; l < k; l++) {
                        double r = transposed ? right.values[rb + j * k + l] : right.values[rb + l * n + j];
                        sum += values[b * m * k + i * k + l] * r;
                    }
                    out[b * m * n + i * n + j] = sum;
                }
            }
        }
        int[] s = shape.clone();
        s[s.length - 1] = n;
        return new DoubleTensor(out, s);
    }

    /** Masked softmax of {@code scale · this} over the last axis: 0 where masked, a fully masked row all 0. */
    DoubleTensor softmax(double scale, Mask mask) {
        int tk = dim(-1);
        int tq = shape.length >= 2 ? dim(-2) : 1;
        int rows = values.length / tk;
        int rowsPerBatch = rows / Mask.batchesOf(shape);
        double[] out = new double[values.length];
        for (int row = 0; row < rows; row++) {
            int batch = row / rowsPerBatch;
            int query = row % tq;
            double max = Double.NEGATIVE_INFINITY;
            for (int j = 0; j < tk; j++) {
                if (mask.allows(batch, query, j)) {
                    max = Math.max(max, scale * values[row * tk + j]);
                }
            }
            double sum = 0;
            for (int j = 0; j < tk; j++) {
                if (mask.allows(batch, query, j)) {
                    out[row * tk + j] = Math.exp(scale * values[row * tk + j] - max);
                    sum += out[row * tk + j];
                }
            }
            for (int j = 0; j < tk && sum > 0; j++) {
                out[row * tk + j] /= sum;
            }
        }
        return new DoubleTensor(out, shape.clone());
    }

    /** {@code this + other}, {@code other} shaped as a trailing part of this (a bias, positions). */
    DoubleTensor plus(DoubleTensor other) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += other.values[i % other.values.length];
        }
        return new DoubleTensor(out, shape.clone());
    }

    /** {@code c · this}. */
    DoubleTensor times(double c) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] *= c;
        }
        return new DoubleTensor(out, shape.clone());
    }

    DoubleTensor reshape(int... newShape) {
        return new DoubleTensor(values, newShape.clone());
    }

    /** Result axis {@code i} is this tensor's axis {@code axes[i]}. */
    DoubleTensor permute(int... axes) {
        int rank = shape.length;
        int[] newShape = new int[rank];
        int[] strides = new int[rank];
        int stride = 1;
        for (int d = rank - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= shape[d];
        }
        for (int i = 0; i < rank; i++) {
            newShape[i] = shape[axes[i]];
        }
        double[] out = new double[values.length];
        int[] index = new int[rank];
        for (int flat = 0; flat < out.length; flat++) {
            int source = 0;
            for (int d = 0; d < rank; d++) {
                source += index[d] * strides[axes[d]];
            }
            out[flat] = values[source];
            for (int d = rank - 1; d >= 0; d--) {
                if (++index[d] < newShape[d]) {
                    break;
                }
                index[d] = 0;
            }
        }
        return new DoubleTensor(out, newShape);
    }

    /** {@code [..., M, N] -> [..., N, M]}. */
    DoubleTensor transposeLastTwo() {
        int rank = shape.length;
        int[] axes = new int[rank];
        for (int i = 0; i < rank; i++) {
            axes[i] = i;
        }
        axes[rank - 2] = rank - 1;
        axes[rank - 1] = rank - 2;
        return permute(axes);
    }

    /** Scaled dot-product attention {@code softmax(scale · Q·Kᵀ, mask)·V}. */
    static DoubleTensor attention(DoubleTensor q, DoubleTensor k, DoubleTensor v, double scale, Mask mask) {
        return q.matmul(k, RightOperand.TRANSPOSED).softmax(scale, mask).matmul(v, RightOperand.AS_IS);
    }

    @Override
    public String toString() {
        return "DoubleTensor" + Arrays.toString(shape);
    }
}
