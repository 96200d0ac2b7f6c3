package org.attentionlab.jupyter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.ServiceLoader;
import javax.imageio.ImageIO;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Tensor;
import org.attentionlab.pictures.LineChart;
import org.dflib.jjava.jupyter.Extension;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.display.mime.MIMEType;
import org.junit.jupiter.api.Test;

/** Drives JJava's own {@link Renderer}, as the kernel does for a cell's value or {@code display(x)}. */
class AttentionLabRenderingsTests {

    private static final Tensor MATRIX = Tensor.of(new float[][] {{1, 2.5f}, {-3, 0.125f}});
    private static final AttentionResult RESULT = new AttentionResult(
            Tensor.zeros(1, 3, 4),
            Tensor.randomUniform(3, 0, 1, 1, 2, 3, 3)); // weights [B, H, Tq, Tk]

    private static Renderer registered() {
        Renderer renderer = new Renderer();
        JJavaRenderers.register(renderer);
        return renderer;
    }

    private static BufferedImage png(DisplayData data) throws Exception {
        Object base64 = data.getData(MIMEType.IMAGE_PNG);
        assertNotNull(base64, "an image/png entry");
        return ImageIO.read(new ByteArrayInputStream(Base64.getDecoder().decode((String) base64)));
    }

    @Test
    void aTensorIsAnHtmlTableWithItsTextBeside() {
        DisplayData data = registered().render(MATRIX);
        String html = (String) data.getData(MIMEType.TEXT_HTML);
        assertTrue(html.contains("<table>"), html);
        assertTrue(html.contains("<code>Tensor [2, 2]</code>"), html);
        assertTrue(html.contains("<td>2.5000</td>") && html.contains("<td>-3.0000</td>"), html);
        assertEquals(MATRIX.toString(), data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void attentionWeightsArePngHeatmapsOfEveryHead() throws Exception {
        DisplayData data = registered().render(RESULT);
        BufferedImage image = png(data);
        var grid = AttentionLabRenderings.weightsPicture(RESULT);
        assertEquals(grid.width(), image.getWidth());
        assertEquals(grid.height(), image.getHeight());
        assertTrue(image.getWidth() > image.getHeight(), "two heads side by side");
        assertNotNull(data.getData(MIMEType.TEXT_PLAIN));
    }

    @Test
    void chartsArePng() throws Exception {
        LineChart chart = LineChart.of("t", "x", "y").withSeries("a", new double[] {1, 2}, new double[] {3, 4});
        BufferedImage image = png(registered().render(chart));
        assertEquals(640, image.getWidth());
    }

    @Test
    void otherValuesKeepTheKernelsRendering() {
        DisplayData data = registered().render(List.of(1, 2));
        assertEquals("[1, 2]", data.getData(MIMEType.TEXT_PLAIN));
        assertNull(data.getData(MIMEType.TEXT_HTML));
    }

    @Test
    void theExtensionIsRegisteredForJJavasServiceLoader() {
        List<Extension> extensions = ServiceLoader.load(Extension.class).stream().map(ServiceLoader.Provider::get).toList();
        assertEquals(1, extensions.size());
        assertTrue(extensions.get(0) instanceof AttentionLabExtension);
    }

    @Test
    void theReflectivePathForIJavaGivesTheSameBundle() throws Exception {
        Renderer renderer = new Renderer();
        new ReflectiveRenderers(ReflectiveRenderers.JJAVA).register(renderer); // IJava's API, in JJava's package
        DisplayData reflective = renderer.render(MATRIX);
        assertEquals(registered().render(MATRIX).getData(MIMEType.TEXT_HTML), reflective.getData(MIMEType.TEXT_HTML));
        assertEquals(png(registered().render(RESULT)).getWidth(), png(renderer.render(RESULT)).getWidth());
    }

    @Test
    void outsideAKernelRegisterSaysSo() {
        assertEquals(AttentionLabDisplay.Kernel.NONE, AttentionLabDisplay.register());
    }
}
