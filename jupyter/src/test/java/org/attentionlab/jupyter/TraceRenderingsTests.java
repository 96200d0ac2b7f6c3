package org.attentionlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.imageio.ImageIO;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.attention.AttentionTrace;
import org.attentionlab.attention.Bias;
import org.attentionlab.attention.MultiHeadAttention;
import org.attentionlab.attention.QueryRowSteps;
import org.attentionlab.pictures.HeadGrid;
import org.attentionlab.text.Embedding;
import org.attentionlab.text.SentenceTrace;
import org.attentionlab.text.Vocabulary;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** Traces and steps through JJava's own {@link Renderer}, as the kernel shows a cell's value. */
class TraceRenderingsTests {

    private static final Kernel KERNEL = Kernels.discover(TraceRenderingsTests.class.getClassLoader(), line -> { }).byId("naive");
    private static final List<String> TOKENS = List.of("dogs", "chase", "cats");
    private static final MultiHeadAttention LAYER = MultiHeadAttention.initialized(KERNEL, 8, 2, Bias.NONE, 7);
    private static final Vocabulary VOCABULARY = Vocabulary.of(TOKENS);
    private static final SentenceTrace SENTENCE = SentenceTrace.of(TOKENS, VOCABULARY,
            Embedding.random(VOCABULARY.size(), 8, 5), Optional.empty(), LAYER, Mask.causal());
    private static final AttentionTrace TRACE = SENTENCE.attention();            // weights [1, 2, 3, 3]

    private static DisplayData render(Object value) {
        Renderer renderer = new Renderer();
        JJavaRenderers.register(renderer);
        return renderer.render(value);
    }

    private static BufferedImage image(String base64) throws Exception {
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
    }

    private static BufferedImage png(DisplayData data) throws Exception {
        Object base64 = data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(base64, "an image/png entry");
        return image((String) base64);
    }

    private static int[] pixels(BufferedImage image) {
        return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
    }

    @Test
    void aSentenceTraceIsAGridOfItsHeadsLabelledWithItsTokens() throws Exception {
        DisplayData data = render(SENTENCE);
        BufferedImage shown = png(data);
        BufferedImage withTokens = image(AttentionLabRenderings.base64(HeadGrid.of(TRACE.heads().weights(), TOKENS)));
        BufferedImage numbered = image(AttentionLabRenderings.base64(HeadGrid.of(TRACE.heads().weights(), List.of("0", "1", "2"))));
        assertArrayEquals(pixels(withTokens), pixels(shown), "the grid of the layer's weights with the tokens on both axes");
        assertFalse(java.util.Arrays.equals(pixels(numbered), pixels(shown)), "labels are the tokens, not numbers");
        String text = (String) data.getData(MIMEType.TEXT_PLAIN);
        assertTrue(text.startsWith("SentenceTrace of 3 tokens [dogs, chase, cats], no positions"), text);
        assertTrue(text.contains("weights [1, 2, 3, 3]"), text);
    }

    @Test
    void anAttentionTraceIsAGridOfItsHeadsWithItsShapesBeside() throws Exception {
        DisplayData data = render(TRACE);
        BufferedImage shown = png(data);
        HeadGrid expected = HeadGrid.of(TRACE.heads().weights(), List.of("0", "1", "2"));
        assertArrayEquals(pixels(image(AttentionLabRenderings.base64(expected))), pixels(shown));
        assertEquals("AttentionTrace: H = 2 heads, query [1, 3, 8], key [1, 3, 8], weights [1, 2, 3, 3], output [1, 3, 8]",
                data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void aQueryRowIsAnHtmlTableOfLabelledSteps() {
        QueryRowSteps row = TRACE.heads().queryRow(0, 1, 1);                     // batch 0, head 1, query "chase"
        DisplayData data = render(row);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertNotNull(html, "a text/html entry");
        for (String step : List.of("raw scores q·k", "scaled", "masked", "minus the maximum", "exponentials", "weights", "output Σ w·v")) {
            assertTrue(html.contains("<tr><th>" + step + "</th>"), step + " in " + html);
        }
        String weights = "<tr><th>weights</th><td>" + StepsHtml.number(row.weights()[0]) + "</td><td>"
                + StepsHtml.number(row.weights()[1]) + "</td><td>0.0000</td></tr>";
        assertTrue(html.contains(weights), "the kernel's weights, the future key at 0: " + html);
        assertTrue(html.contains("<tr><th>masked</th><td>" + StepsHtml.number(row.scaled()[0]) + "</td><td>"
                + StepsHtml.number(row.scaled()[1]) + "</td><td>−∞</td></tr>"), "the causal mask hides key 2: " + html);
        assertEquals(row.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void attentionStepsShowEveryShapeThenTheFirstQueryRow() {
        AttentionSteps steps = TRACE.heads();
        DisplayData data = render(steps);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<tr><th>query Q</th><td><code>[1, 2, 3, 4]</code></td></tr>"), html);
        assertTrue(html.contains("<tr><th>weights softmax</th><td><code>[1, 2, 3, 3]</code></td></tr>"), html);
        assertTrue(html.contains(StepsHtml.of(steps.queryRow(0, 0, 0))), "query 0 of head 0, step by step");
        assertTrue(((String) data.getData(MIMEType.TEXT_PLAIN)).startsWith("AttentionSteps: query [1, 2, 3, 4]"));
    }

    @Test
    void theReflectivePathForIJavaShowsTracesToo() throws Exception {
        Renderer renderer = new Renderer();
        new ReflectiveRenderers(ReflectiveRenderers.JJAVA).register(renderer);
        assertArrayEquals(pixels(png(render(SENTENCE))), pixels(png(renderer.render(SENTENCE))));
        assertEquals(render(TRACE.heads()).getData(MIMEType.TEXT_HTML), renderer.render(TRACE.heads()).getData(MIMEType.TEXT_HTML));
    }
}
