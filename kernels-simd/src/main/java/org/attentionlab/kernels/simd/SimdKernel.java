package org.attentionlab.kernels.simd;

import java.util.Objects;
import org.attentionlab.api.AttentionInputs;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.RowWork;
import org.attentionlab.api.SplittableKernel;
import org.attentionlab.api.Tensor;

/**
 * The kernel in the JDK's Vector API ({@code jdk.incubator.vector}), on one thread: packed panels
 * and a register-blocked micro-kernel for matmul ({@link SimdMatmul}, {@link MicroKernel}), a
 * vectorised exponential for the softmax ({@link SimdSoftmax}, {@link VectorExp}), and fused
 * attention with an online softmax that never holds the {@code Tq × Tk} scores
 * ({@link FusedAttention}). The vector width is the CPU's preferred one, chosen when the JVM
 * starts, and so is the register tile: 6 rows of 2 vectors, or 12 rows where AVX-512 gives 32
 * registers.
 *
 * <h2>Priority 15</h2>
 * Above the blocked kernel (10), which it beats by an order of magnitude; below the parallel kernel
 * (20), which runs a sequential kernel's rows on several threads and takes the fastest one it finds
 * as its delegate: with both on the class path the default is parallel-over-simd, and simd is the
 * fastest choice on one thread.
 *
 * <h2>Without the Vector API</h2>
 * The incubator module is only there when the JVM runs with {@value #VECTOR_API_FLAG}. This class
 * (the one named in {@code META-INF/services}) mentions no Vector API type, and its constructor
 * throws, saying which flag to add, when the module is missing: {@link org.attentionlab.api.Kernels}
 * then lists it as skipped with that message, and discovery of the other kernels goes on. The
 * classes that use vectors are loaded only on the first call, by which time the module is known
 * to be there.
 *
 * <p>Stateless and thread-safe: each operation packs its operands into memory of its own, and
 * {@link RowWork#compute} allocates its scratch per call.
 */
public final class SimdKernel implements SplittableKernel {

    /** This kernel's id. */
    public static final String ID = "simd";

    /** The JVM option that makes the Vector API available. */
    public static final String VECTOR_API_FLAG = "--add-modules jdk.incubator.vector";

    private static final String VECTOR_MODULE = "jdk.incubator.vector";

    /**
     * @throws UnsupportedOperationException if the Vector API module is not in the boot layer; the
     *                                       message names the flag to add
     */
    public SimdKernel() {
        if (ModuleLayer.boot().findModule(VECTOR_MODULE).isEmpty()) {
            throw new UnsupportedOperationException("the simd kernel needs the JDK's Vector API, module "
                    + VECTOR_MODULE + ", which this JVM has not enabled: run the JVM with " + VECTOR_API_FLAG);
        }
    }

    @Override
    public String id() {
        return ID;
    }

    /** 15: above blocked (10), below parallel (20), which wraps the fastest sequential kernel; see the class comment. */
    @Override
    public int priority() {
        return 15;
    }

    @Override
    public String description() {
        return "Vector API kernel, " + MicroKernel.describe() + ": packed panels, fused attention, one thread";
    }

    @Override
    public RowWork matmulRows(Tensor left, Tensor right, RightOperand operand) {
        return SimdMatmul.prepare(left, right, operand);
    }

    @Override
    public RowWork softmaxRows(Tensor scores, float scale, Mask mask) {
        return SimdSoftmax.prepare(scores, scale, mask);
    }

    /** @throws IllegalArgumentException if {@code inputs} are not {@link AttentionInputs#isStandard()} */
    @Override
    public RowWork attentionRows(AttentionInputs inputs) {
        Objects.requireNonNull(inputs, "inputs");
        if (!inputs.isStandard()) {
            throw new IllegalArgumentException(inputs.operation() + ": the simd kernel's fused attention handles"
                    + " standard inputs only (query, key, value, mask, scale); got " + inputs);
        }
        return FusedAttention.prepare(inputs);
    }

    @Override
    public String toString() {
        return "SimdKernel";
    }
}
