package org.attentionlab.testkit;

/**
 * The whole {@link org.attentionlab.api.Kernel} contract as tests: implement this interface in a
 * test class, name your kernel's id, and every law runs against it.
 *
 * <pre>{@code
 * class BlockedKernelContractTests implements KernelContract {
 *     public String kernelId() {
 *         return "blocked";
 *     }
 * }
 * }</pre>
 *
 * <p>The kernel is found through {@link java.util.ServiceLoader}, as the application finds it, so
 * a missing {@code META-INF/services/org.attentionlab.api.Kernel} entry fails every law with a
 * message saying what to add. Results are compared with {@link org.attentionlab.kernels.naive.NaiveKernel}
 * under the one tolerance of {@link Agreement} (overflow included).
 *
 * <h2>Laws</h2>
 * Grouped by what they check: {@link MatmulLaws}, {@link SoftmaxLaws}, {@link AttentionKernelLaws},
 * {@link RowWorkLaws} (for a {@link org.attentionlab.api.SplittableKernel} only) and
 * {@link GeneralLaws}; each law's Javadoc says what it checks, and {@code testkit/README.md} lists
 * them all in one table.
 *
 * <p>Laws marked {@code @TestFactory} run one test per generated case, as {@link ForAll} says
 * (seeds, shrinking, how many).
 */
public interface KernelContract extends MatmulLaws, SoftmaxLaws, AttentionKernelLaws, RowWorkLaws, GeneralLaws {
}
