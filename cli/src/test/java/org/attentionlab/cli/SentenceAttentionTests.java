package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class SentenceAttentionTests {

    private static final Kernel KERNEL = Kernels.discover(SentenceAttentionTests.class.getClassLoader(), line -> { })
            .byId("naive");
    private static final SentenceAttention TOUR =
            SentenceAttention.compute(KERNEL, TourCommand.DEFAULT_SENTENCE, 8, 2, 42);

    @Test
    void tokensGetTheirVocabularyIdsAndARepeatedWordItsOneId() {
        List<String> tokens = TOUR.tokens();
        int[] ids = TOUR.ids();

        assertEquals(List.of("the", "animal", "didn't", "cross", "the", "street", "because", "it", "was", "too", "tired"),
                tokens);
        for (int i = 0; i < tokens.size(); i++) {
            assertEquals(tokens.get(i), TOUR.vocabulary().token(ids[i]));
        }
        assertEquals(ids[0], ids[4]);
    }

    @Test
    void shapesAreThoseOfTheReadme() {
        assertArrayEquals(new int[] {11, 8}, TOUR.embeddings().shape());  // [T, D]
        assertArrayEquals(new int[] {11, 4}, TOUR.queries().shape());     // [T, Dk]
        assertArrayEquals(new int[] {11, 4}, TOUR.keys().shape());
        assertArrayEquals(new int[] {11, 4}, TOUR.values().shape());
        assertArrayEquals(new int[] {11, 11}, TOUR.scores().shape());     // [Tq, Tk]
        assertArrayEquals(new int[] {11, 11}, TOUR.weights().shape());
        assertArrayEquals(new int[] {11, 8}, TOUR.output().shape());      // [T, D]
    }

    @Test
    void scoresAreDotProductsOfQueriesAndKeysOverRootDk() {
        float[][] q = TOUR.queries().toMatrix();
        float[][] k = TOUR.keys().toMatrix();
        float[][] scores = TOUR.scores().toMatrix();
        for (int i = 0; i < q.length; i++) {
            for (int j = 0; j < k.length; j++) {
                double dot = 0;
                for (int c = 0; c < q[i].length; c++) {
                    dot += (double) q[i][c] * k[j][c];
                }
                assertEquals(dot / Math.sqrt(4), scores[i][j], 1e-5, "S[" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void weightsAreTheSoftmaxOfEachRowOfScores() {
        float[][] scores = TOUR.scores().toMatrix();
        float[][] weights = TOUR.weights().toMatrix();
        for (int i = 0; i < scores.length; i++) {
            double sum = 0;
            for (float s : scores[i]) {
                sum += Math.exp(s);
            }
            for (int j = 0; j < scores[i].length; j++) {
                assertEquals(Math.exp(scores[i][j]) / sum, weights[i][j], 1e-6, "A[" + i + ", " + j + "]");
            }
        }
    }

    @Test
    void theHeadFollowedStepByStepIsTheLayersHeadZero() {
        var layer = TOUR.layer();
        Tensor x = TOUR.embeddings();                                        // [T, D]
        assertTrue(TOUR.queries().allClose(layer.headQueryProjection(0).apply(KERNEL, x), 1e-5, 1e-6), "Q^0 = x·W_Q^0");
        assertTrue(TOUR.keys().allClose(layer.headKeyProjection(0).apply(KERNEL, x), 1e-5, 1e-6), "K^0 = x·W_K^0");
        assertTrue(TOUR.values().allClose(layer.headValueProjection(0).apply(KERNEL, x), 1e-5, 1e-6), "V^0 = x·W_V^0");
        assertEquals(TOUR.layerWeights(0), TOUR.weights());
        assertFalse(TOUR.weights().allClose(TOUR.layerWeights(1), 1e-5, 1e-6), "head 1 has its own weights");
    }

    @Test
    void eachHeadOutputRowIsTheWeightedSumOfTheValueRows() {
        float[][] weights = TOUR.weights().toMatrix();
        float[][] values = TOUR.values().toMatrix();
        float[][] output = TOUR.headOutput().toMatrix();
        for (int i = 0; i < weights.length; i++) {
            for (int c = 0; c < values[0].length; c++) {
                double sum = 0;
                for (int j = 0; j < values.length; j++) {
                    sum += (double) weights[i][j] * values[j][c];
                }
                assertEquals(sum, output[i][c], 1e-5);
            }
        }
    }

    @Test
    void aRepeatedWordGetsTheSameOutputBecauseNothingKnowsPositions() {
        float[][] output = TOUR.output().toMatrix();
        assertArrayEquals(output[0], output[4], 1e-6f);
        assertFalse(java.util.Arrays.equals(output[0], output[1]));
    }

    @Test
    void theFocusIsItOrElseTheLastWord() {
        assertEquals(7, TOUR.focus());
        assertEquals(2, SentenceAttention.compute(KERNEL, "dogs chase cats", 8, 2, 42).focus());
    }

    @Test
    void theStrongestKeyHasTheLargestWeightOfItsRow() {
        for (int query = 0; query < TOUR.tokens().size(); query++) {
            float[] row = TOUR.weights().toMatrix()[query];
            float strongest = row[TOUR.strongestKey(query)];
            for (float w : row) {
                assertTrue(w <= strongest);
            }
        }
    }

    @Test
    void theSeedDecidesTheRandomNumbers() {
        SentenceAttention same = SentenceAttention.compute(KERNEL, TourCommand.DEFAULT_SENTENCE, 8, 2, 42);
        SentenceAttention other = SentenceAttention.compute(KERNEL, TourCommand.DEFAULT_SENTENCE, 8, 2, 43);

        assertEquals(TOUR.embeddings(), same.embeddings());
        assertEquals(TOUR.output(), same.output());
        assertFalse(TOUR.embeddings().allClose(other.embeddings(), 0, 1e-3));
        assertFalse(TOUR.queries().allClose(other.queries(), 0, 1e-3));
    }

    @Test
    void aSentenceWithoutWordsIsRejected() {
        assertThrows(IllegalArgumentException.class, () -> SentenceAttention.compute(KERNEL, " \t ", 8, 2, 42));
    }
}
