package org.attentionlab.testkit;

/**
 * The whole {@link org.attentionlab.api.PositionalEncoding} contract as tests: implement this
 * interface in a test class, give the encoding (and its longest supported length, if it has
 * one), and every law runs against it.
 *
 * <pre>{@code
 * class MyLearnedEncodingContractTests implements PositionalEncodingContract {
 *     public PositionalEncoding encoding() {
 *         return MyLearnedEncoding.random(32, 8, 42);   // 32 positions, D = 8
 *     }
 *     public OptionalInt maxLength() {
 *         return OptionalInt.of(32);
 *     }
 * }
 * }</pre>
 *
 * <h2>Laws</h2>
 * <ul>
 *   <li>{@link EncodingLaws}: {@code encodingsAreTByD}, {@code encodingsAreDeterministic},
 *       {@code encodingOfAPositionDoesNotDependOnSequenceLength},
 *       {@code distinctPositionsGetDistinctEncodings}, {@code negativeOrTooLongLengthsAreRejected}.</li>
 *   <li>{@link AddToLaws}: {@code addToAddsTheSameEncodingsToEverySequenceOfABatch},
 *       {@code addToRejectsTheWrongWidth}, {@code addToRejectsNull}.</li>
 * </ul>
 *
 * <p>Laws marked {@code @TestFactory} run one test per generated case ({@code T}, {@code T'},
 * {@code B} and a seed; {@value EncodingLaws#ENCODING_TRIES} per law, lengths up to
 * 40 or the maximum), shrunk to a small failing case on failure.
 */
public interface PositionalEncodingContract extends EncodingLaws, AddToLaws {
}
