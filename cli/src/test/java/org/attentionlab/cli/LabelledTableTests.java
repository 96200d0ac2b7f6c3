package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class LabelledTableTests {

    @Test
    void oneLinePerRowUnderAHeaderOfColumnLabels() {
        List<String> lines = LabelledTable.numbers(List.of("0 the", "1 animal"), List.of("a", "b", "c"),
                new float[][] {{0.5f, -1.25f, 2f}, {3f, 0f, -0.125f}}, 3).lines();

        assertEquals(3, lines.size());
        assertTrue(lines.get(1).startsWith("0 the   "), lines.get(1));
        assertTrue(lines.get(2).startsWith("1 animal"), lines.get(2));
        assertEquals(List.of("0", "the", "0.500", "-1.250", "2.000"), List.of(lines.get(1).trim().split("\\s+")));
        assertEquals(List.of("1", "animal", "3.000", "0.000", "-0.125"), List.of(lines.get(2).trim().split("\\s+")));
    }

    @Test
    void numbersEndUnderTheirColumnLabel() {
        List<String> lines = LabelledTable.numbers(List.of("x"), List.of("first", "second"),
                new float[][] {{1.5f, -22.25f}}, 4).lines();

        String header = lines.get(0);
        String row = lines.get(1);
        assertEquals(header.indexOf("first") + "first".length(), row.indexOf("1.5000") + "1.5000".length());
        assertEquals(header.indexOf("second") + "second".length(), row.indexOf("-22.2500") + "-22.2500".length());
    }

    @Test
    void longColumnLabelsAreCutAndTheCornerNamesTheColumns() {
        List<String> lines = LabelledTable.cells("position", List.of("token"), List.of("extraordinarily"),
                (row, column) -> "x").lines();

        assertTrue(lines.get(0).startsWith("position"));
        String label = lines.get(0).substring("position".length()).trim();
        assertTrue(label.length() <= 10 && label.endsWith(".") && "extraordinarily".startsWith(label.substring(0, label.length() - 1)),
                label);
    }

    @Test
    void aWideCellWidensItsColumnForEveryRow() {
        List<String> lines = LabelledTable.cells(List.of("a", "b"), List.of("c"),
                (row, column) -> row == 0 ? "a-long-cell-text" : "1").lines();

        assertEquals(lines.get(1).length(), lines.get(2).length());
        assertTrue(lines.get(0).endsWith(" c"));
    }
}
