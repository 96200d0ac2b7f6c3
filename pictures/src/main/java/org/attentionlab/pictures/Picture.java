package org.attentionlab.pictures;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/**
 * Something that can be drawn as a bitmap: a heatmap, a grid of heatmaps, a line chart.
 *
 * <p>Only {@link #image()} is abstract; the PNG methods encode what it returns with the JDK's
 * {@link ImageIO}. Drawing needs no display: every picture is painted into an off-screen image
 * (see {@link Headless}).
 */
public interface Picture {

    /** The picture drawn into a new image of {@link #width()} × {@link #height()} pixels. */
    BufferedImage image();

    /** Width in pixels. */
    int width();

    /** Height in pixels. */
    int height();

    /** The picture as the bytes of a PNG file (what a notebook embeds as {@code image/png}). */
    default byte[] png() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            ImageIO.write(image(), "png", bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Picture.png: could not encode the image", e); // memory only: not expected
        }
        return bytes.toByteArray();
    }

    /**
     * Writes the picture as a PNG file, creating missing parent directories.
     *
     * @return {@code file}
     */
    default Path writePng(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Files.write(file, png());
        return file;
    }
}
