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
 * message saying what to add. Results are compared with {@link org.attentionlab.kernels.naive.NaiveKernel}.
 *
 * <h2>Laws</h2>
 * <ul>
 *   <li>{@link MatmulLaws}: {@code matmulAgreesWithNaive}, {@code matmulWithTransposedRightAgreesWithNaive}.</li>
 *   <li>{@link SoftmaxLaws}: {@code softmaxAgreesWithNaive}, {@code softmaxRowsSumToOne},
 *       {@code softmaxIsInvariantToAddingAConstantPerRow}, {@code maskedEntriesAreExactlyZero},
 *       {@code maskedScoresAreNeverRead},
 *       {@code fullyMaskedRowIsAllZeros}, {@code minusInfinityScoresGetWeightZero},
 *       {@code nanOrPlusInfinityMakesItsRowNaN}.</li>
 *   <li>{@link GeneralLaws}: {@code inputsAreNotModified}, {@code badShapesAreRejected},
 *       {@code nullArgumentsAreRejected}, {@code concurrentCallsAgree}, {@code idIsStableAndRegistered}.</li>
 * </ul>
 *
 * <h2>Agreement</h2>
 * "Agrees with the naive kernel" means, element by element ({@link Agreement}):
 * <pre>
 *   matmul:   |c − c_naive| ≤ 1e-4 · Σ_k |A[.., i, k] · B[.., k, j]| + 1e-5
 *   softmax:  |y − y_naive| ≤ 1e-4 · |y_naive| + 1e-5
 * </pre>
 * The matmul bound is relative to the sum of the magnitudes of the products, not to |c|: that is
 * what float32 rounding is proportional to, so any summation order or tiling passes (with five
 * times headroom at K = 300) while a dropped or doubled term does not. NaN and infinities must
 * match exactly.
 *
 * <h2>Generated cases</h2>
 * Laws marked {@code @TestFactory} run one test per generated case (named by its shapes and
 * seed): 100 per law, sizes 0, 1, primes, tile edges (63, 64, 65, 127, 128, 129) and others up
 * to 130, up to two batch dimensions. A failing case is shrunk to a small one that still fails
 * before it is reported. The cases are the same on every run; {@code -Dattentionlab.testkit.seed=N}
 * picks others and {@code -Dattentionlab.testkit.tries=N} sets how many.
 */
public interface KernelContract extends MatmulLaws, SoftmaxLaws, GeneralLaws {
}
