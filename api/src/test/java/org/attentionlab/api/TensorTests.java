package org.attentionlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-worked examples of every {@link Tensor} operation and its errors. */
class TensorTests {

    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    // ---------------------------------------------------------------- factories

    @Test
    void ofVector() {
        Tensor t = Tensor.of(1f, 2f, 3f);

        assertArrayEquals(new int[] {3}, t.shape());
        assertEquals(1, t.rank());
        assertEquals(3, t.size());
        assertEquals(2f, t.get(1));
    }

    @Test
    void ofMatrixIsRowMajor() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

        assertArrayEquals(new int[] {2, 3}, t.shape());
        assertEquals(6f, t.get(1, 2));
        assertEquals(4f, t.get(1, 0));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, t.toArray());
        assertArrayEquals(new float[][] {{1, 2, 3}, {4, 5, 6}}, t.toMatrix());
    }

    @Test
    void ofRankThree() {
        Tensor t = Tensor.of(new float[][][] {{{1, 2}, {3, 4}, {5, 6}}, {{7, 8}, {9, 10}, {11, 12}}});

        assertArrayEquals(new int[] {2, 3, 2}, t.shape());
        assertEquals(10f, t.get(1, 1, 1));
        assertEquals(5f, t.get(0, 2, 0));
        assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12}, t.toArray());
    }

    @Test
    void ofRankFour() {
        float[][][][] blocks = new float[2][3][4][5];
        for (int b = 0; b < 2; b++) {
            for (int h = 0; h < 3; h++) {
                for (int i = 0; i < 4; i++) {
                    for (int d = 0; d < 5; d++) {
                        blocks[b][h][i][d] = 1000 * b + 100 * h + 10 * i + d;
                    }
                }
            }
        }

        Tensor t = Tensor.of(blocks);

        assertArrayEquals(new int[] {2, 3, 4, 5}, t.shape());
        assertEquals(1234f, t.get(1, 2, 3, 4));
        assertEquals(21f, t.get(0, 0, 2, 1));
        assertEquals(1000f, t.toArray()[60]); // first element of b = 1, after 3 · 4 · 5 values
    }

    @Test
    void emptyArraysGiveEmptyTensors() {
        assertArrayEquals(new int[] {0}, Tensor.of(new float[0]).shape());
        assertArrayEquals(new int[] {0, 0}, Tensor.of(new float[0][]).shape());
        assertArrayEquals(new int[] {0, 0, 0}, Tensor.of(new float[0][][]).shape());
        assertArrayEquals(new int[] {0, 0, 0, 0}, Tensor.of(new float[0][][][]).shape());
        assertArrayEquals(new int[] {2, 0}, Tensor.of(new float[][] {{}, {}}).shape());
    }

    @Test
    void raggedMatrixIsRejectedNamingTheRow() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[][] {{1, 2}, {3, 4}, {5}}));

        assertTrue(e.getMessage().contains("ragged") && e.getMessage().contains("row 2"), e.getMessage());
        assertTrue(e.getMessage().contains("length 1") && e.getMessage().contains("expected 2"), e.getMessage());
    }

    @Test
    void raggedRankThreeAndFourArraysAreRejectedNamingBothShapes() {
        IllegalArgumentException three = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[][][] {{{1, 2}}, {{1, 2}, {3, 4}}}));
        IllegalArgumentException four = assertThrows(IllegalArgumentException.class,
                () -> Tensor.of(new float[][][][] {{{{1}}}, {{{1, 2}}}}));

        assertTrue(three.getMessage().contains("ragged"), three.getMessage());
        assertTrue(three.getMessage().contains("[1, 2]") && three.getMessage().contains("[2, 2]"), three.getMessage());
        assertTrue(four.getMessage().contains("ragged"), four.getMessage());
        assertTrue(four.getMessage().contains("[1, 1, 1]") && four.getMessage().contains("[1, 1, 2]"),
                four.getMessage());
    }

    @Test
    void fromArrayFillsTheShapeInRowMajorOrder() {
        Tensor t = Tensor.fromArray(new float[] {1, 2, 3, 4, 5, 6}, 3, 2);

        assertEquals(Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}), t);
    }

    @Test
    void fromArrayRejectsTheWrongNumberOfValues() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.fromArray(new float[5], 2, 3));

        assertTrue(e.getMessage().startsWith("Tensor.fromArray"), e.getMessage());
        assertTrue(e.getMessage().contains("5 values") && e.getMessage().contains("[2, 3]")
                && e.getMessage().contains("(6 values)"), e.getMessage());
    }

    @Test
    void negativeSizesAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, -1));
        assertThrows(IllegalArgumentException.class, () -> Tensor.full(1f, -3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.fromArray(new float[0], 0, -2));
        assertTrue(e.getMessage().contains("[0, -2]"), e.getMessage());
    }

    @Test
    void tooManyElementsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(1 << 16, 1 << 16));
    }

    @Test
    void zerosAndFull() {
        assertArrayEquals(new float[6], Tensor.zeros(2, 3).toArray());
        assertArrayEquals(new int[] {2, 3}, Tensor.zeros(2, 3).shape());
        assertArrayEquals(new float[] {2.5f, 2.5f, 2.5f, 2.5f}, Tensor.full(2.5f, 2, 2).toArray());
        assertArrayEquals(new int[] {2, 2}, Tensor.full(2.5f, 2, 2).shape());
    }

    @Test
    void shapeWithoutDimensionsIsAScalarOfOneElement() {
        Tensor scalar = Tensor.full(4f);

        assertEquals(0, scalar.rank());
        assertEquals(1, scalar.size());
        assertEquals(4f, scalar.get());
        assertEquals(4f, scalar.item());
    }

    @Test
    void generateLetsTheWriterFillAFreshTensor() {
        Tensor t = Tensor.generate(new int[] {2, 2}, out -> {
            assertEquals(4, out.size());
            out.set(3, 7f);
            out.put(0, new float[] {9, 1, 2}, 1, 2);
            out.add(3, 1f);
        });

        assertEquals(Tensor.of(new float[][] {{1, 2}, {0, 8}}), t);
    }

    @Test
    void selectTakesOneIndexOfAnAxisAndDropsTheAxis() {
        Tensor x = Tensor.fromArray(new float[] {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11}, 2, 3, 2); // [2, 3, 2]

        assertEquals(Tensor.of(new float[][] {{6, 7}, {8, 9}, {10, 11}}), x.select(0, 1));
        assertEquals(Tensor.of(new float[][] {{2, 3}, {8, 9}}), x.select(1, 1));
        assertEquals(Tensor.of(new float[][] {{1, 3, 5}, {7, 9, 11}}), x.select(-1, 1));
        assertEquals(Tensor.full(5f), x.select(0, 0).select(0, 2).select(0, 1));
        assertThrows(IndexOutOfBoundsException.class, () -> x.select(1, 3));
        assertThrows(IllegalArgumentException.class, () -> x.select(3, 0));
    }

    @Test
    void aWriterKeptAfterGenerateCannotChangeTheTensorOrItsReshapes() {
        TensorWriter[] kept = new TensorWriter[1];
        Tensor t = Tensor.generate(new int[] {2, 2}, out -> kept[0] = out);
        Tensor reshaped = t.reshape(4);

        assertThrows(IllegalStateException.class, () -> kept[0].set(0, 1f));
        assertThrows(IllegalStateException.class, () -> kept[0].add(0, 1f));
        assertThrows(IllegalStateException.class, () -> kept[0].put(0, new float[] {1}, 0, 1));
        assertEquals(Tensor.zeros(2, 2), t);
        assertEquals(Tensor.zeros(4), reshaped);
    }

    @Test
    void valuesAreAReadOnlyViewWithoutACopy() {
        Tensor t = Tensor.of(1f, 2f, 3f);
        java.nio.FloatBuffer values = t.values();

        assertTrue(values.isReadOnly());
        assertEquals(3, values.limit());
        assertEquals(2f, values.get(1));
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> values.put(0, 9f));
        assertThrows(java.nio.ReadOnlyBufferException.class, () -> values.array());
        assertEquals(Tensor.of(1f, 2f, 3f), t);
    }

    @Test
    void randomNormalIsReproducibleBySeed() {
        Tensor a = Tensor.randomNormal(42, 3, 4);

        assertArrayEquals(new int[] {3, 4}, a.shape());
        assertEquals(a, Tensor.randomNormal(42, 3, 4));
        assertNotEquals(a, Tensor.randomNormal(43, 3, 4));
    }

    @Test
    void randomNormalHasMeanZeroAndVarianceOne() {
        float[] x = Tensor.randomNormal(7, 10_000).toArray();

        // standard errors: 0.01 for the mean, about 0.014 for the variance
        assertEquals(0.0, mean(x), 0.05);
        assertEquals(1.0, variance(x), 0.07);
    }

    @Test
    void randomUniformIsReproducibleBySeed() {
        Tensor a = Tensor.randomUniform(42, -1f, 1f, 3, 4);

        assertArrayEquals(new int[] {3, 4}, a.shape());
        assertEquals(a, Tensor.randomUniform(42, -1f, 1f, 3, 4));
        assertNotEquals(a, Tensor.randomUniform(43, -1f, 1f, 3, 4));
    }

    @Test
    void randomUniformStaysInRangeWithTheRightMeanAndVariance() {
        float[] x = Tensor.randomUniform(11, -2f, 3f, 10_000).toArray();

        for (float v : x) {
            assertTrue(v >= -2f && v < 3f, "outside [-2, 3): " + v);
        }
        assertEquals(0.5, mean(x), 0.08);           // (low + high) / 2, standard error 0.014
        assertEquals(25.0 / 12, variance(x), 0.12); // (high - low)² / 12
    }

    @Test
    void randomUniformNeverReturnsHighEvenWhenRoundingToFloatWould() {
        float high = Math.nextUp(1f); // the only float in [1, high) is 1

        for (float v : Tensor.randomUniform(3, 1f, high, 1000).toArray()) {
            assertEquals(1f, v);
        }
    }

    @Test
    void randomUniformRejectsEmptyOrInfiniteRanges() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.randomUniform(1, 1f, 1f, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.randomUniform(1, 2f, 1f, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.randomUniform(1, 0f, INF, 3));
        assertThrows(IllegalArgumentException.class, () -> Tensor.randomUniform(1, NAN, 1f, 3));
    }

    @Test
    void randomUniformOverTheWholeFloatRangeStaysFinite() {
        for (float v : Tensor.randomUniform(5, -Float.MAX_VALUE, Float.MAX_VALUE, 1000).toArray()) {
            assertTrue(Float.isFinite(v), "not finite: " + v);
        }
    }

    // ---------------------------------------------------------------- immutability

    @Test
    void changingTheArraysGivenToAFactoryChangesNothing() {
        float[] values = {1, 2};
        float[][] rows = {{1, 2}, {3, 4}};
        float[] data = {1, 2, 3, 4};
        int[] shape = {2, 2};
        Tensor vector = Tensor.of(values);
        Tensor matrix = Tensor.of(rows);
        Tensor fromArray = Tensor.fromArray(data, shape);
        Tensor zeros = Tensor.zeros(shape);

        values[0] = 9;
        rows[1][1] = 9;
        rows[0] = new float[] {9, 9};
        data[3] = 9;
        shape[0] = 1;

        assertEquals(Tensor.of(1f, 2f), vector);
        assertEquals(Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2), matrix);
        assertEquals(Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2), fromArray);
        assertArrayEquals(new int[] {2, 2}, zeros.shape());
    }

    @Test
    void changingTheArraysATensorReturnsChangesNothing() {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, 4}});

        t.toArray()[0] = 9;
        t.shape()[0] = 9;
        t.toMatrix()[1][0] = 9;

        assertEquals(1f, t.get(0, 0));
        assertEquals(3f, t.get(1, 0));
        assertArrayEquals(new int[] {2, 2}, t.shape());
    }

    @Test
    void operationsLeaveTheirInputsUnchanged() {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        Tensor copy = Tensor.fromArray(t.toArray(), t.shape());
        int[] newShape = {4};

        Tensor reshaped = t.reshape(newShape);
        newShape[0] = 2;
        t.transposeLastTwo();
        t.permute(1, 0);
        t.sliceLast(0, 1);
        t.plus(t);
        t.times(3f);
        Tensor.concatLast(List.of(t, t));

        assertEquals(copy, t);
        assertArrayEquals(new int[] {4}, reshaped.shape());
    }

    // ---------------------------------------------------------------- element access

    @Test
    void getOutsideTheShapeIsIndexOutOfBounds() {
        Tensor t = Tensor.zeros(2, 3);

        IndexOutOfBoundsException negative = assertThrows(IndexOutOfBoundsException.class, () -> t.get(-1, 0));
        IndexOutOfBoundsException tooLarge = assertThrows(IndexOutOfBoundsException.class, () -> t.get(1, 3));

        assertTrue(negative.getMessage().contains("[-1, 0]") && negative.getMessage().contains("[2, 3]"),
                negative.getMessage());
        assertTrue(tooLarge.getMessage().contains("[1, 3]"), tooLarge.getMessage());
        assertThrows(IndexOutOfBoundsException.class, () -> t.get(2, 0));
    }

    @Test
    void getWithTheWrongNumberOfCoordinatesIsIllegal() {
        Tensor t = Tensor.zeros(2, 3);

        IllegalArgumentException few = assertThrows(IllegalArgumentException.class, () -> t.get(1));
        IllegalArgumentException many = assertThrows(IllegalArgumentException.class, () -> t.get(1, 1, 0));

        assertTrue(few.getMessage().contains("1 coordinates") && few.getMessage().contains("needs 2"), few.getMessage());
        assertTrue(many.getMessage().contains("[2, 3]"), many.getMessage());
    }

    @Test
    void dimCountsNegativeAxesFromTheEnd() {
        Tensor t = Tensor.zeros(2, 3, 4);

        assertEquals(2, t.dim(0));
        assertEquals(4, t.dim(2));
        assertEquals(4, t.dim(-1));
        assertEquals(3, t.dim(-2));
        assertEquals(2, t.dim(-3));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.dim(3));
        assertTrue(e.getMessage().contains("axis 3") && e.getMessage().contains("[2, 3, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.dim(-4));
    }

    @Test
    void itemNeedsExactlyOneElement() {
        assertEquals(5f, Tensor.fromArray(new float[] {5f}, 1, 1).item());

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.of(1f, 2f).item());
        assertTrue(e.getMessage().contains("[2]") && e.getMessage().contains("2 elements"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(0).item());
    }

    @Test
    void toMatrixNeedsRankTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(2, 2, 2).toMatrix());

        assertTrue(e.getMessage().contains("[2, 2, 2]"), e.getMessage());
    }

    // ---------------------------------------------------------------- reshape

    @Test
    void reshapeKeepsRowMajorOrder() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

        assertEquals(Tensor.of(new float[][] {{1, 2}, {3, 4}, {5, 6}}), t.reshape(3, 2));
        assertEquals(Tensor.of(1f, 2f, 3f, 4f, 5f, 6f), t.reshape(6));
    }

    @Test
    void reshapeInfersOneMinusOne() {
        Tensor t = Tensor.zeros(2, 3, 4);

        assertArrayEquals(new int[] {6, 4}, t.reshape(-1, 4).shape());
        assertArrayEquals(new int[] {2, 12}, t.reshape(2, -1).shape());
        assertArrayEquals(new int[] {24}, t.reshape(-1).shape());
        assertArrayEquals(new int[] {0, 3}, Tensor.zeros(0, 3).reshape(-1, 3).shape());
    }

    @Test
    void badReshapeNamesBothShapes() {
        Tensor t = Tensor.zeros(2, 3);

        IllegalArgumentException size = assertThrows(IllegalArgumentException.class, () -> t.reshape(4, 2));
        IllegalArgumentException infer = assertThrows(IllegalArgumentException.class, () -> t.reshape(4, -1));
        IllegalArgumentException twoUnknowns = assertThrows(IllegalArgumentException.class, () -> t.reshape(-1, -1));
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> t.reshape(-2, -3));

        for (IllegalArgumentException e : List.of(size, infer, twoUnknowns, negative)) {
            assertTrue(e.getMessage().startsWith("Tensor.reshape") && e.getMessage().contains("[2, 3]"), e.getMessage());
        }
        assertTrue(size.getMessage().contains("[4, 2]"), size.getMessage());
        assertTrue(infer.getMessage().contains("[4, -1]"), infer.getMessage());
        assertTrue(twoUnknowns.getMessage().contains("[-1, -1]"), twoUnknowns.getMessage());
    }

    // ---------------------------------------------------------------- transpose and permute

    @Test
    void transposeLastTwoOfAMatrix() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

        assertEquals(Tensor.of(new float[][] {{1, 4}, {2, 5}, {3, 6}}), t.transposeLastTwo());
    }

    @Test
    void transposeLastTwoOfEachMatrixInABatch() {
        Tensor t = Tensor.of(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});

        assertEquals(Tensor.of(new float[][][] {{{1, 3}, {2, 4}}, {{5, 7}, {6, 8}}}), t.transposeLastTwo());
    }

    @Test
    void transposeLastTwoNeedsRankTwo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(3).transposeLastTwo());

        assertTrue(e.getMessage().contains("transposeLastTwo") && e.getMessage().contains("[3]"), e.getMessage());
    }

    @Test
    void permuteSplitsHeadsOutOfTheSequence() {
        // [B, T, H, Dk] -> [B, H, T, Dk]
        Tensor x = Tensor.randomNormal(1, 2, 3, 4, 5);

        Tensor p = x.permute(0, 2, 1, 3);

        assertArrayEquals(new int[] {2, 4, 3, 5}, p.shape());
        for (int b = 0; b < 2; b++) {
            for (int t = 0; t < 3; t++) {
                for (int h = 0; h < 4; h++) {
                    for (int d = 0; d < 5; d++) {
                        assertEquals(x.get(b, t, h, d), p.get(b, h, t, d), "at b=" + b + " t=" + t + " h=" + h + " d=" + d);
                    }
                }
            }
        }
        assertEquals(p, x.permute(0, -2, 1, -1), "negative axes count from the end");
    }

    @Test
    void permuteOfAMatrixIsItsTranspose() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3}, {4, 5, 6}});

        assertEquals(Tensor.of(new float[][] {{1, 4}, {2, 5}, {3, 6}}), t.permute(1, 0));
        assertEquals(t, t.permute(0, 1));
    }

    @Test
    void permuteNeedsEachAxisOnce() {
        Tensor t = Tensor.zeros(2, 3, 4);

        IllegalArgumentException repeated = assertThrows(IllegalArgumentException.class, () -> t.permute(0, 1, 1));
        IllegalArgumentException repeatedNegative = assertThrows(IllegalArgumentException.class,
                () -> t.permute(2, 0, -1));
        IllegalArgumentException count = assertThrows(IllegalArgumentException.class, () -> t.permute(1, 0));
        IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> t.permute(0, 1, 3));

        assertTrue(repeated.getMessage().contains("repeated") && repeated.getMessage().contains("[2, 3, 4]"),
                repeated.getMessage());
        assertTrue(repeatedNegative.getMessage().contains("repeated"), repeatedNegative.getMessage());
        assertTrue(count.getMessage().contains("[1, 0]"), count.getMessage());
        assertTrue(range.getMessage().contains("axis 3"), range.getMessage());
    }

    // ---------------------------------------------------------------- slice and concat

    @Test
    void sliceLastTakesColumnsOfEveryRow() {
        Tensor t = Tensor.of(new float[][] {{1, 2, 3, 4}, {5, 6, 7, 8}});

        assertEquals(Tensor.of(new float[][] {{2, 3}, {6, 7}}), t.sliceLast(1, 3));
        assertEquals(t, t.sliceLast(0, 4));
        assertArrayEquals(new int[] {2, 0}, t.sliceLast(2, 2).shape());
    }

    @Test
    void sliceLastOfARankThreeTensor() {
        Tensor t = Tensor.of(new float[][][] {{{1, 2, 3}}, {{4, 5, 6}}});

        assertEquals(Tensor.of(new float[][][] {{{3}}, {{6}}}), t.sliceLast(2, 3));
    }

    @Test
    void sliceLastRejectsRangesOutsideTheLastDimension() {
        Tensor t = Tensor.zeros(2, 4);

        for (int[] range : new int[][] {{-1, 2}, {1, 5}, {3, 2}}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> t.sliceLast(range[0], range[1]));
            assertTrue(e.getMessage().contains("[" + range[0] + ", " + range[1] + ")")
                    && e.getMessage().contains("[2, 4]"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros().sliceLast(0, 0));
    }

    @Test
    void concatLastJoinsColumns() {
        Tensor a = Tensor.of(new float[][] {{1}, {2}});
        Tensor b = Tensor.of(new float[][] {{3, 4}, {5, 6}});

        assertEquals(Tensor.of(new float[][] {{1, 3, 4}, {2, 5, 6}}), Tensor.concatLast(List.of(a, b)));
        assertEquals(a, Tensor.concatLast(List.of(a)));
        assertEquals(a, Tensor.concatLast(List.of(Tensor.zeros(2, 0), a, Tensor.zeros(2, 0))));
    }

    @Test
    void concatLastJoinsHeadsOfARankThreeTensor() {
        Tensor head0 = Tensor.of(new float[][][] {{{1, 2}}, {{5, 6}}});
        Tensor head1 = Tensor.of(new float[][][] {{{3, 4}}, {{7, 8}}});

        assertEquals(Tensor.of(new float[][][] {{{1, 2, 3, 4}}, {{5, 6, 7, 8}}}),
                Tensor.concatLast(List.of(head0, head1)));
    }

    @Test
    void concatLastNeedsEqualLeadingDimensions() {
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> Tensor.concatLast(List.of(Tensor.zeros(2, 3), Tensor.zeros(3, 3))));
        IllegalArgumentException rank = assertThrows(IllegalArgumentException.class,
                () -> Tensor.concatLast(List.of(Tensor.zeros(2, 3), Tensor.zeros(1, 2, 3))));

        assertTrue(rows.getMessage().contains("leading dimensions differ"), rows.getMessage());
        assertTrue(rows.getMessage().contains("[2, 3]") && rows.getMessage().contains("[3, 3]"), rows.getMessage());
        assertTrue(rank.getMessage().contains("[2, 3]") && rank.getMessage().contains("[1, 2, 3]"), rank.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tensor.concatLast(List.of(Tensor.zeros(3), Tensor.zeros())));
    }

    @Test
    void concatLastNeedsSomethingToConcatenate() {
        assertThrows(IllegalArgumentException.class, () -> Tensor.concatLast(List.of()));
        assertThrows(IllegalArgumentException.class, () -> Tensor.concatLast(List.of(Tensor.zeros())));
    }

    // ---------------------------------------------------------------- arithmetic

    @Test
    void plusOfTheSameShape() {
        Tensor a = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        Tensor b = Tensor.of(new float[][] {{10, 20}, {30, 40}});

        assertEquals(Tensor.of(new float[][] {{11, 22}, {33, 44}}), a.plus(b));
    }

    @Test
    void plusOfABiasAddsItToEveryRow() {
        // [B, T, D] + [D]
        Tensor x = Tensor.of(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});

        assertEquals(Tensor.of(new float[][][] {{{11, 22}, {13, 24}}, {{15, 26}, {17, 28}}}),
                x.plus(Tensor.of(10f, 20f)));
    }

    @Test
    void plusOfPositionsAddsThemToEverySequence() {
        // [B, T, D] + [T, D]
        Tensor x = Tensor.of(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});
        Tensor positions = Tensor.of(new float[][] {{100, 200}, {300, 400}});

        assertEquals(Tensor.of(new float[][][] {{{101, 202}, {303, 404}}, {{105, 206}, {307, 408}}}),
                x.plus(positions));
    }

    @Test
    void plusRejectsShapesThatAreNotATrailingPart() {
        Tensor x = Tensor.zeros(2, 3, 4);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> x.plus(Tensor.zeros(3)));

        assertTrue(e.getMessage().contains("[3]") && e.getMessage().contains("[2, 3, 4]"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> x.plus(Tensor.zeros(2, 4)));
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(4).plus(Tensor.zeros(2, 4)));
    }

    @Test
    void timesScalesEveryElement() {
        Tensor t = Tensor.of(new float[][] {{1, -2}, {3, 0}});

        assertEquals(Tensor.of(new float[][] {{0.5f, -1f}, {1.5f, 0f}}), t.times(0.5f));
    }

    // ---------------------------------------------------------------- comparison

    @Test
    void allCloseWithAbsoluteTolerance() {
        Tensor a = Tensor.of(1f, 2f);
        Tensor b = Tensor.of(1f, 2.5f);

        assertTrue(a.allClose(a, 0, 0));
        assertTrue(a.allClose(b, 0, 0.5));
        assertFalse(a.allClose(b, 0, 0.25));
    }

    @Test
    void allCloseRelativeToleranceScalesWithTheOtherTensorAsInNumPy() {
        // |a - b| <= atol + rtol · |b|: 1 <= 0.1 · 10 holds, 1 <= 0.1 · 9 does not
        assertTrue(Tensor.of(9f).allClose(Tensor.of(10f), 0.1, 0));
        assertFalse(Tensor.of(10f).allClose(Tensor.of(9f), 0.1, 0));
    }

    @Test
    void allCloseAddsBothTolerances() {
        // |1.5 - 1| = 0.5 against 0.25 + 0.25 · 1
        assertTrue(Tensor.of(1.5f).allClose(Tensor.of(1f), 0.25, 0.25));
        assertFalse(Tensor.of(1.5f).allClose(Tensor.of(1f), 0.25, 0.125));
    }

    @Test
    void nanIsNeverClose() {
        assertFalse(Tensor.of(NAN).allClose(Tensor.of(NAN), 1, 1));
        assertFalse(Tensor.of(NAN).allClose(Tensor.of(1f), 1, 1));
        assertFalse(Tensor.of(1f).allClose(Tensor.of(NAN), 1, 1));
    }

    @Test
    void anInfinityIsCloseOnlyToTheSameInfinity() {
        assertTrue(Tensor.of(INF, -INF).allClose(Tensor.of(INF, -INF), 0, 0));
        assertFalse(Tensor.of(INF).allClose(Tensor.of(-INF), 1, 1));
        assertFalse(Tensor.of(1f).allClose(Tensor.of(INF), 0.5, 0));
        assertFalse(Tensor.of(INF).allClose(Tensor.of(1f), 0.5, 0));
        assertFalse(Tensor.of(-Float.MAX_VALUE).allClose(Tensor.of(-INF), 1e-5, 1e-8));
    }

    @Test
    void tensorsOfDifferentShapesAreNotClose() {
        assertFalse(Tensor.of(1f, 2f).allClose(Tensor.of(new float[][] {{1, 2}}), 1, 1));
        assertFalse(Tensor.of(1f, 2f).allClose(Tensor.of(1f, 2f, 3f), 1, 1));
        assertTrue(Tensor.zeros(0, 3).allClose(Tensor.zeros(0, 3), 0, 0));
        assertFalse(Tensor.zeros(0, 3).allClose(Tensor.zeros(3, 0), 0, 0));
    }

    @Test
    void allCloseRejectsNegativeOrNanTolerances() {
        Tensor t = Tensor.of(1f);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.allClose(t, -1e-5, 0));
        assertTrue(e.getMessage().contains("rtol=-1.0E-5"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.allClose(t, 0, -1));
        assertThrows(IllegalArgumentException.class, () -> t.allClose(t, Double.NaN, 0));
    }

    @Test
    void maxAbsDifferenceIsTheLargestElementDifference() {
        assertEquals(2.0, Tensor.of(1f, 2f, 3f).maxAbsDifference(Tensor.of(1f, 2.5f, 1f)));
        assertEquals(0.0, Tensor.of(1f, 2f).maxAbsDifference(Tensor.of(1f, 2f)));
        assertEquals(0.0, Tensor.zeros(0, 2).maxAbsDifference(Tensor.zeros(0, 2)));
    }

    @Test
    void maxAbsDifferenceIsNanWithNanAndZeroForEqualInfinities() {
        assertTrue(Double.isNaN(Tensor.of(1f, NAN).maxAbsDifference(Tensor.of(100f, 2f))));
        assertEquals(0.0, Tensor.of(INF, -INF).maxAbsDifference(Tensor.of(INF, -INF)));
        assertEquals(Double.POSITIVE_INFINITY, Tensor.of(INF).maxAbsDifference(Tensor.of(-INF)));
    }

    @Test
    void maxAbsDifferenceNeedsTheSameShape() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tensor.zeros(2, 3).maxAbsDifference(Tensor.zeros(3, 2)));

        assertTrue(e.getMessage().contains("[2, 3]") && e.getMessage().contains("[3, 2]"), e.getMessage());
    }

    @Test
    void equalsComparesShapeAndExactValues() {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        Tensor same = Tensor.fromArray(new float[] {1, 2, 3, 4}, 2, 2);

        assertEquals(t, same);
        assertEquals(t.hashCode(), same.hashCode());
        assertNotEquals(t, Tensor.of(1f, 2f, 3f, 4f), "same values, other shape");
        assertNotEquals(t, Tensor.fromArray(new float[] {1, 2, 3, 4.0001f}, 2, 2));
        assertNotEquals(Tensor.of(0f), Tensor.of(-0f), "bit for bit");
        assertEquals(Tensor.of(NAN), Tensor.of(NAN));
        assertNotEquals(t, null);
        assertNotEquals(t, "tensor");
    }

    // ---------------------------------------------------------------- zero-size dimensions

    @Test
    void zeroSizeDimensionsWorkEverywhere() {
        Tensor empty = Tensor.zeros(0, 3);

        assertEquals(0, empty.size());
        assertEquals(0, empty.toArray().length);
        assertEquals(0, empty.toMatrix().length);
        assertArrayEquals(new int[] {3, 0}, empty.transposeLastTwo().shape());
        assertArrayEquals(new int[] {3, 0}, empty.permute(1, 0).shape());
        assertArrayEquals(new int[] {0, 1}, empty.sliceLast(1, 2).shape());
        assertArrayEquals(new int[] {0, 6}, Tensor.concatLast(List.of(empty, empty)).shape());
        assertArrayEquals(new int[] {0, 3}, empty.plus(Tensor.zeros(3)).shape());
        assertArrayEquals(new int[] {0, 3}, empty.times(2f).shape());
        assertArrayEquals(new int[] {5, 0}, empty.reshape(5, 0).shape());
        // as in NumPy and PyTorch, -1 next to a 0 is ambiguous
        assertThrows(IllegalArgumentException.class, () -> Tensor.zeros(3, 0, 2).reshape(3, 0, -1));
    }

    @Test
    void zeroWidthSlicesConcatenateBack() {
        Tensor t = Tensor.of(new float[][] {{1, 2}, {3, 4}});
        Tensor none = t.sliceLast(1, 1);

        assertArrayEquals(new int[] {2, 0}, none.shape());
        assertEquals(t, Tensor.concatLast(List.of(t.sliceLast(0, 1), none, t.sliceLast(1, 2))));
        assertArrayEquals(new int[] {2, 0}, none.plus(Tensor.zeros(0)).shape());
        assertEquals("tensor([], shape=[2, 0])", none.toString());
    }

    private static double mean(float[] x) {
        double sum = 0;
        for (float v : x) {
            sum += v;
        }
        return sum / x.length;
    }

    private static double variance(float[] x) {
        double m = mean(x);
        double sum = 0;
        for (float v : x) {
            sum += (v - m) * (v - m);
        }
        return sum / x.length;
    }
}
