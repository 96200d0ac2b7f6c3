package org.attentionlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class TensorHtmlTests {

    private static int count(String text, String part) {
        return text.split(java.util.regex.Pattern.quote(part), -1).length - 1;
    }

    @Test
    void aVectorIsOneRow() {
        String html = TensorHtml.of(Tensor.of(1, 2, 3));
        assertEquals(1, count(html, "<table>"));
        assertEquals(3, count(html, "<td>"));
    }

    @Test
    void aRankFourTensorIsOneTablePerMatrixTitledWithItsIndex() {
        String html = TensorHtml.of(Tensor.zeros(1, 2, 3, 4)); // [B, H, Tq, Tk]
        assertEquals(2, count(html, "<table>"));
        assertTrue(html.contains("[0, 1, :, :]"), html);
        assertEquals(2 * 3 * 4, count(html, "<td>"));
    }

    @Test
    void largeTensorsAreCutAndSaySo() {
        String html = TensorHtml.of(Tensor.zeros(10, 30, 25));
        assertEquals(TensorHtml.MAX_MATRICES, count(html, "<table>"));
        assertTrue(html.contains("2 more matrices not shown"), html);
        assertTrue(html.contains("10 more rows") && html.contains("5 more"), html);
    }

    @Test
    void nonFiniteValuesArePrintedAsSuch() {
        String html = TensorHtml.of(Tensor.of(Float.NaN, Float.NEGATIVE_INFINITY));
        assertTrue(html.contains("<td>NaN</td>") && html.contains("<td>-Infinity</td>"), html);
    }
}
