package org.attentionlab.api;

import java.util.Objects;

/**
 * The one way to fill a new {@link Tensor} in place: {@link Tensor#generate} hands a writer to the
 * code that computes the values (a kernel, an encoding), and closes it when that code returns.
 * After that every call throws {@link IllegalStateException}, so a writer that was kept cannot
 * change the tensor: tensors stay immutable although their values were written without a copy.
 *
 * <p>Indices are row-major offsets into the tensor's values, {@code 0 ≤ index < size()}. Different
 * threads may write different elements at the same time (as a parallel kernel does) as long as
 * they all finish before the generating code returns; nothing is synchronised per element.
 */
public final class TensorWriter {

    private final float[] data;
    /** Set once when {@link Tensor#generate} returns; read on every write. */
    private volatile boolean closed;

    TensorWriter(float[] data) {
        this.data = data;
    }

    /** The number of elements of the tensor being written. */
    public int size() {
        return data.length;
    }

    /** Element {@code index} (row-major) becomes {@code value}. */
    public void set(int index, float value) {
        requireOpen();
        data[index] = value;
    }

    /** Adds {@code value} to element {@code index} (row-major); elements start at 0. */
    public void add(int index, float value) {
        requireOpen();
        data[index] += value;
    }

    /**
     * Copies {@code length} values from {@code source[sourceOffset..]} to elements
     * {@code index..index + length - 1}: how a kernel stores a row or a tile it computed in scratch
     * memory.
     *
     * @throws IndexOutOfBoundsException if either range is outside its array
     */
    public void put(int index, float[] source, int sourceOffset, int length) {
        Objects.requireNonNull(source, "source");
        requireOpen();
        System.arraycopy(source, sourceOffset, data, index, length);
    }

    void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("TensorWriter: the tensor was already generated; a writer"
                    + " works only inside the Tensor.generate call that created it (tensors are immutable)");
        }
    }
}
