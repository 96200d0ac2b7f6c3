package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PermutationDemoTests {

    private static final Kernel KERNEL = Kernels.discover(PermutationDemoTests.class.getClassLoader(), line -> { })
            .defaultKernel();

    @ParameterizedTest
    @CsvSource({"8, 2, 42", "8, 2, 7", "12, 3, 1", "16, 4, -5", "4, 1, 123"})
    void withoutPositionsEachWordKeepsItsVectorAndWithPositionsItChanges(int dModel, int heads, long seed) {
        List<PermutationDemo.WordShift> shifts = PermutationDemo.run(KERNEL, dModel, heads, seed);

        assertEquals(3, shifts.size());
        for (PermutationDemo.WordShift shift : shifts) {
            assertTrue(shift.withoutPositions().value() < 1e-5, shift.toString());
            assertTrue(shift.withPositions().value() > 1e-3, shift.toString());
        }
    }

    @Test
    void theWordsAreFollowedToTheirNewPositions() {
        List<PermutationDemo.WordShift> shifts = PermutationDemo.run(KERNEL, 8, 2, 42);

        assertEquals("dog", shifts.get(0).word());
        assertEquals(0, shifts.get(0).positionInA());
        assertEquals(2, shifts.get(0).positionInB());
        assertEquals(1, shifts.get(1).positionInB());
        assertEquals(0, shifts.get(2).positionInB());
    }

    @Test
    void theTourPrintsTheDifferencesItComputed() {
        CommandRun run = CommandRun.of("tour");
        String dogRow = run.step(8).stream().map(String::strip).filter(line -> line.startsWith("dog "))
                .findFirst().orElseThrow(() -> new AssertionError(run.out()));
        String[] fields = dogRow.split("\\s+");
        double without = Double.parseDouble(fields[fields.length - 2]);
        double with = Double.parseDouble(fields[fields.length - 1]);

        assertTrue(without < 1e-5, dogRow);
        assertTrue(with > 1e-3, dogRow);
        String text = String.join("\n", run.step(8));
        assertTrue(text.contains("permutation-EQUIVARIANT") && text.contains("\"permutation-invariant\""), "names the property precisely");
    }
}
