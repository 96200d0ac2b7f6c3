package org.attentionlab.pictures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.attentionlab.api.Tensor;

/**
 * Every head of a multi-head layer side by side: one {@link AttentionHeatmap} per head, in rows of
 * up to {@code columns} pictures, head 0 at the top left. All share the [0, 1] scale, so colours
 * compare across heads.
 *
 * @param heads   one heatmap per head
 * @param columns pictures per row of the grid
 */
public record HeadGrid(List<MatrixHeatmap> heads, int columns) implements Picture {

    public HeadGrid {
        heads = List.copyOf(heads);
        if (heads.isEmpty() || columns < 1) {
            throw new IllegalArgumentException("HeadGrid: needs at least one head and one column, got "
                    + heads.size() + " heads in " + columns + " columns");
        }
    }

    /**
     * The heads of {@code weights} ({@code [H, Tq, Tk]} or {@code [B, H, Tq, Tk]}, batch 0), at most
     * four to a row.
     */
    public static HeadGrid of(Tensor weights, List<String> queryTokens, List<String> keyTokens) {
        int count = HeadWeights.heads(weights);
        List<MatrixHeatmap> heads = new ArrayList<>(count);
        for (int h = 0; h < count; h++) {
            heads.add(AttentionHeatmap.ofHead(weights, h, queryTokens, keyTokens));
        }
        return new HeadGrid(heads, Math.min(count, 4));
    }

    /** Self-attention: the same tokens are the queries and the keys. */
    public static HeadGrid of(Tensor weights, List<String> tokens) {
        return of(weights, tokens, tokens);
    }

    private int rows() {
        return (heads.size() + columns - 1) / columns;
    }

    private int cellWidth() {
        return heads.get(0).width();
    }

    private int cellHeight() {
        return heads.get(0).height();
    }

    @Override
    public int width() {
        return columns * cellWidth();
    }

    @Override
    public int height() {
        return rows() * cellHeight();
    }

    @Override
    public String toString() {
        return "HeadGrid of " + heads.size() + " heads, " + columns + " to a row, " + width() + " × " + height() + " px";
    }

    /** Each head's chart painted into its own cell of one image (every cell the size of head 0's). */
    @Override
    public BufferedImage image() {
        Headless.ensure();
        BufferedImage image = new BufferedImage(width(), height(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width(), height());
            for (int h = 0; h < heads.size(); h++) {
                Graphics2D cell = (Graphics2D) g.create((h % columns) * cellWidth(), (h / columns) * cellHeight(),
                        cellWidth(), cellHeight());
                try {
                    heads.get(h).withSize(cellWidth(), cellHeight()).chart().paint(cell, cellWidth(), cellHeight());
                } finally {
                    cell.dispose();
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }
}
