package org.attentionlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@link Tensor#toString()} against what PyTorch prints for the same values with its default
 * print options (precision 4, threshold 1000, edge items 3, line width 80), plus {@code shape=}.
 */
class TensorFormatTests {

    private static final float NAN = Float.NaN;
    private static final float INF = Float.POSITIVE_INFINITY;

    @Test
    void matrixRowsAreAlignedUnderTheFirstBracket() {
        assertEquals("tensor([[0.1000, 0.2000],\n        [0.3000, 0.4000]], shape=[2, 2])",
                Tensor.of(new float[][] {{0.1f, 0.2f}, {0.3f, 0.4f}}).toString());
    }

    @Test
    void wholeNumbersPrintWithATrailingPoint() {
        assertEquals("tensor([1., 2., 3.], shape=[3])", Tensor.of(1f, 2f, 3f).toString());
        assertEquals("tensor([0., 0., 0.], shape=[3])", Tensor.zeros(3).toString());
        assertEquals("tensor([ 0., 10.], shape=[2])", Tensor.of(0f, 10f).toString());
    }

    @Test
    void negativeNumbersArePaddedToACommonWidth() {
        assertEquals("tensor([[-1.5000,  2.2500],\n        [ 3.0000, -0.1250]], shape=[2, 2])",
                Tensor.of(new float[][] {{-1.5f, 2.25f}, {3f, -0.125f}}).toString());
        assertEquals("tensor([-1.,  2., 10.], shape=[3])", Tensor.of(-1f, 2f, 10f).toString());
    }

    @Test
    void ordinaryMagnitudesUseFourDecimals() {
        assertEquals("tensor([0.0000, 0.5000, 2.0000], shape=[3])", Tensor.of(0f, 0.5f, 2f).toString());
        assertEquals("tensor([12345.5000], shape=[1])", Tensor.of(12345.5f).toString());
    }

    @Test
    void smallMagnitudesUseScientificNotation() {
        assertEquals("tensor([1.0000e-05, 1.0000e+00], shape=[2])", Tensor.of(1e-5f, 1f).toString());
        assertEquals("tensor([-1.0000e-05,  1.0000e+00], shape=[2])", Tensor.of(-1e-5f, 1f).toString());
    }

    @Test
    void largeMagnitudesUseScientificNotation() {
        assertEquals("tensor([2.0000e+09, 3.0000e+09], shape=[2])", Tensor.of(2e9f, 3e9f).toString());
    }

    @Test
    void magnitudesMoreThanAThousandfoldApartUseScientificNotation() {
        assertEquals("tensor([5.0000e-01, 1.0000e+03], shape=[2])", Tensor.of(0.5f, 1000f).toString());
        assertEquals("tensor([1.0000e+00, 2.0000e+03], shape=[2])", Tensor.of(1f, 2000f).toString());
        assertEquals("tensor([   1., 1000.], shape=[2])", Tensor.of(1f, 1000f).toString(), "exactly 1000 apart");
    }

    @Test
    void rankThreeHasABlankLineBetweenMatrices() {
        Tensor t = Tensor.of(new float[][][] {{{1, 2}, {3, 4}}, {{5, 6}, {7, 8}}});

        assertEquals("tensor([[[1., 2.],\n"
                + "         [3., 4.]],\n"
                + "\n"
                + "        [[5., 6.],\n"
                + "         [7., 8.]]], shape=[2, 2, 2])", t.toString());
    }

    @Test
    void rankFourHasTwoBlankLinesBetweenBlocks() {
        assertEquals("tensor([[[[1.]]],\n\n\n        [[[2.]]]], shape=[2, 1, 1, 1])",
                Tensor.fromArray(new float[] {1, 2}, 2, 1, 1, 1).toString());
    }

    @Test
    void scalarPrintsItsValueAlone() {
        assertEquals("tensor(3.5000, shape=[])", Tensor.fromArray(new float[] {3.5f}).toString());
        assertEquals("tensor(-2., shape=[])", Tensor.fromArray(new float[] {-2f}).toString());
        assertEquals("tensor(0., shape=[])", Tensor.zeros().toString());
    }

    @Test
    void nanAndInfinitiesPrintAsWordsAndDoNotChooseTheFormat() {
        assertEquals("tensor([nan, 1., inf], shape=[3])", Tensor.of(NAN, 1f, INF).toString());
        assertEquals("tensor([  -inf, 0.5000], shape=[2])", Tensor.of(-INF, 0.5f).toString());
        assertEquals("tensor([nan, nan], shape=[2])", Tensor.of(NAN, NAN).toString());
    }

    @Test
    void emptyTensorsPrintEmptyBrackets() {
        assertEquals("tensor([], shape=[0])", Tensor.zeros(0).toString());
        assertEquals("tensor([], shape=[0, 3])", Tensor.zeros(0, 3).toString());
        assertEquals("tensor([], shape=[3, 0])", Tensor.zeros(3, 0).toString());
    }

    @Test
    void longRowsWrapAtEightyColumns() {
        Tensor t = Tensor.of(0.4963f, 0.7682f, 0.0885f, 0.1320f, 0.3074f, 0.6341f, 0.4901f, 0.8964f, 0.4556f,
                0.6323f, 0.3489f, 0.4017f);

        assertEquals("tensor([0.4963, 0.7682, 0.0885, 0.1320, 0.3074, 0.6341, 0.4901, 0.8964, 0.4556,\n"
                + "        0.6323, 0.3489, 0.4017], shape=[12])", t.toString());
    }

    @Test
    void wrappedMatrixRowsContinueUnderTheirOwnBracket() {
        String nine = "0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000, 0.5000";

        assertEquals("tensor([[" + nine + ",\n"
                + "         0.5000],\n"
                + "        [" + nine + ",\n"
                + "         0.5000]], shape=[2, 10])", Tensor.full(0.5f, 2, 10).toString());
    }

    @Test
    void aThousandElementsArePrintedInFull() {
        String text = Tensor.zeros(1000).toString();

        assertFalse(text.contains("..."), text);
        assertEquals(1000, text.split("0\\.", -1).length - 1);
    }

    @Test
    void longVectorShowsThreeEntriesAtEachEnd() {
        float[] values = new float[1001];
        for (int i = 0; i < values.length; i++) {
            values[i] = i;
        }

        assertEquals("tensor([   0.,    1.,    2.,  ...,  998.,  999., 1000.], shape=[1001])",
                Tensor.of(values).toString());
    }

    @Test
    void hiddenEntriesDoNotChooseTheFormat() {
        float[] values = new float[1001];
        Arrays.fill(values, 1f);
        values[500] = 0.5f;

        assertEquals("tensor([1., 1., 1.,  ..., 1., 1., 1.], shape=[1001])", Tensor.of(values).toString());
    }

    @Test
    void largeMatrixShowsThreeRowsAndColumnsAtEachEnd() {
        float[][] rows = new float[40][40];
        for (int r = 0; r < 40; r++) {
            Arrays.fill(rows[r], r);
        }

        assertEquals("tensor([[ 0.,  0.,  0.,  ...,  0.,  0.,  0.],\n"
                + "        [ 1.,  1.,  1.,  ...,  1.,  1.,  1.],\n"
                + "        [ 2.,  2.,  2.,  ...,  2.,  2.,  2.],\n"
                + "        ...,\n"
                + "        [37., 37., 37.,  ..., 37., 37., 37.],\n"
                + "        [38., 38., 38.,  ..., 38., 38., 38.],\n"
                + "        [39., 39., 39.,  ..., 39., 39., 39.]], shape=[40, 40])", Tensor.of(rows).toString());
    }

    @Test
    void largeRankThreeTensorIsCutInEveryLongDimension() {
        String row = "[1., 1., 1.,  ..., 1., 1., 1.]";
        String matrix = "[" + String.join(",\n         ", row, row, row, "...", row, row, row) + "]";
        String expected = "tensor([" + String.join(",\n\n        ", matrix, matrix, matrix, "...", matrix, matrix, matrix)
                + "], shape=[7, 12, 12])";

        assertEquals(expected, Tensor.full(1f, 7, 12, 12).toString());
    }

    @Test
    void shortDimensionsOfALargeTensorAreNotCut() {
        String row = "[1., 1., 1.,  ..., 1., 1., 1.]";

        assertEquals("tensor([" + String.join(",\n        ", row, row) + "], shape=[2, 501])",
                Tensor.full(1f, 2, 501).toString());
    }
}
