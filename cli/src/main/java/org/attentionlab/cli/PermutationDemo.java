package org.attentionlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Mask;
import org.attentionlab.api.PositionalEncoding;
import org.attentionlab.api.Tensor;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.MultiHeadAttention;
import org.attentionlab.position.SinusoidalPositionalEncoding;
import org.attentionlab.text.Embedding;
import org.attentionlab.text.Vocabulary;
import org.attentionlab.text.WhitespaceTokenizer;

/**
 * Step 8 of the tour: why attention needs positional encoding. "dog bites man" and "man bites
 * dog" go through the same vocabulary, embedding and multi-head self-attention layer.
 *
 * <p>Without positions, each word comes out with the same vector in both sentences (up to float
 * rounding): permuting the input rows permutes the output rows the same way. That is
 * permutation <em>equivariance</em>; the course material calls it "permutation-invariant", which
 * would mean the output does not change at all. With sinusoidal positional encodings added to
 * the embeddings, the same word at another position gets another vector.
 */
final class PermutationDemo {

    static final String SENTENCE_A = "dog bites man";
    static final String SENTENCE_B = "man bites dog";

    /**
     * How much one word's output vector differs between the two sentences.
     *
     * @param word             the word
     * @param positionInA      where it stands in {@link #SENTENCE_A}
     * @param positionInB      where it stands in {@link #SENTENCE_B}
     * @param withoutPositions max |difference| of its output rows, embeddings only
     * @param withPositions    the same with sinusoidal positional encodings added
     */
    record WordShift(String word, int positionInA, int positionInB,
                     MaxDifference withoutPositions, MaxDifference withPositions) {
    }

    private PermutationDemo() {
    }

    /** Runs both sentences, with and without positions, through one seeded random layer. */
    static List<WordShift> run(Kernel kernel, int dModel, int heads, long seed) {
        WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();
        List<String> a = tokenizer.tokenize(SENTENCE_A);
        List<String> b = tokenizer.tokenize(SENTENCE_B);
        Vocabulary vocabulary = Vocabulary.fromTexts(tokenizer, SENTENCE_A, SENTENCE_B); // shared by both
        SplittableRandom seeds = new SplittableRandom(seed);
        Embedding embedding = Embedding.random(vocabulary.size(), dModel, seeds.nextLong());
        MultiHeadAttention layer = MultiHeadAttention.initialized(kernel, dModel, heads, Bias.NONE, seeds.nextLong());
        PositionalEncoding positions = new SinusoidalPositionalEncoding(dModel);

        Tensor xa = embedding.lookup(vocabulary.ids(a));   // [T=3, D]
        Tensor xb = embedding.lookup(vocabulary.ids(b));
        float[][] plainA = attend(layer, xa);
        float[][] plainB = attend(layer, xb);
        float[][] positionedA = attend(layer, positions.addTo(xa)); // x + PE, [T, D]
        float[][] positionedB = attend(layer, positions.addTo(xb));

        List<WordShift> shifts = new ArrayList<>();
        for (int i = 0; i < a.size(); i++) {
            int j = b.indexOf(a.get(i));
            shifts.add(new WordShift(a.get(i), i, j,
                    MaxDifference.between(plainA[i], plainB[j]),
                    MaxDifference.between(positionedA[i], positionedB[j])));
        }
        return shifts;
    }

    /** Self-attention over one sentence {@code [T, D]}, returning the output rows {@code [T][D]}. */
    private static float[][] attend(MultiHeadAttention layer, Tensor x) {
        int t = x.dim(0);
        int d = x.dim(1);
        return layer.selfAttention(x.reshape(1, t, d), Mask.none()).output().reshape(t, d).toMatrix();
    }

    /** Prints the comparison and what it means. */
    static void print(TourPage out, Kernel kernel, int dModel, int heads, long seed) {
        List<WordShift> shifts = run(kernel, dModel, heads, seed);
        out.title(8, "Word order: \"" + SENTENCE_A + "\" vs \"" + SENTENCE_B + "\"");
        say(out, "Both sentences, A = \"" + SENTENCE_A + "\" and B = \"" + SENTENCE_B + "\", go through the same vocabulary,"
                + " embedding table and multi-head layer (random, seed " + seed + "). For each word: how much its output"
                + " vector differs between A and B, as the largest |difference| of its D = " + dModel + " entries.");
        out.blank();
        String format = "  %-6s %-16s %-22s %s";
        say(out, String.format(Locale.ROOT, format, "word", "position A → B", "without positions", "with sinusoidal positions"));
        for (WordShift shift : shifts) {
            say(out, String.format(Locale.ROOT, format, shift.word(),
                    shift.positionInA() + " → " + shift.positionInB(), shift.withoutPositions(), shift.withPositions()));
        }
        out.blank();
        say(out, "Without positional encoding each word comes out with the same vector in both sentences (the"
                + " differences are 0 or float rounding, about 1e-7): swapping the input rows only swaps the output"
                + " rows the same way. The precise name for this is permutation-EQUIVARIANT. The course material says"
                + " \"permutation-invariant\", but invariant would mean the outputs do not change at all; here they"
                + " are permuted along with the inputs. Either way, the layer cannot tell who bites whom.");
        out.blank();
        say(out, "With sinusoidal positional encoding added to the embeddings (x + PE, Vaswani et al. 2017, 3.5),"
                + " the same word at another position has another input, so its output differs. Even \"bites\","
                + " which stays at position 1, changes: the words it attends to have moved.");
    }

    private static void say(TourPage out, String text) {
        out.say(text);
    }
}
