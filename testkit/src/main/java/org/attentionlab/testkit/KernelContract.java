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
 * <ul>
 *   <li>{@link MatmulLaws}: {@code matmulAgreesWithNaive}, {@code matmulWithTransposedRightAgreesWithNaive},
 *       {@code matmulOverflowsOnlyWhereItsTermsExceedTheFloatRange}.</li>
 *   <li>{@link SoftmaxLaws}: {@code softmaxAgreesWithNaive}, {@code softmaxWithAScaleIsTheSoftmaxOfTheScaledScores},
 *       {@code badScalesAreRejected}, {@code softmaxRowsSumToOne},
 *       {@code softmaxIsInvariantToAddingAConstantPerRow}, {@code maskedEntriesAreExactlyZero},
 *       {@code maskedScoresAreNeverRead}, {@code fullyMaskedRowIsAllZeros},
 *       {@code minusInfinityScoresGetWeightZero}, {@code nanOrPlusInfinityMakesItsRowNaN}.</li>
 *   <li>{@link AttentionKernelLaws}: {@code attentionAgreesWithComposedAttention},
 *       {@code attentionWeightsAreTheSoftmaxOfTheScaledScores}, {@code maskedKeysAndValuesNeverReachTheOutput},
 *       {@code nanInAnAllowedValueReachesTheQueriesThatAttendToIt}.</li>
 *   <li>{@link RowWorkLaws} (for a {@link org.attentionlab.api.SplittableKernel} only):
 *       {@code matmulRowsAreIndependentOfTheGrouping}, {@code softmaxRowsAreIndependentOfTheGrouping},
 *       {@code attentionRowsAreIndependentOfTheGrouping}.</li>
 *   <li>{@link GeneralLaws}: {@code badShapesAreRejected}, {@code nullArgumentsAreRejected},
 *       {@code concurrentCallsAgree}, {@code idIsStableAndRegistered}.</li>
 * </ul>
 *
 * <p>Laws marked {@code @TestFactory} run one test per generated case, as {@link ForAll} says
 * (seeds, shrinking, how many).
 */
public interface KernelContract extends MatmulLaws, SoftmaxLaws, AttentionKernelLaws, RowWorkLaws, GeneralLaws {
}
