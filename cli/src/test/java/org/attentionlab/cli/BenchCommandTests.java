package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.attentionlab.api.Mask;
import org.attentionlab.api.RightOperand;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandTests {

    @Test
    void theTableListsEveryDiscoveredKernelWithItsRatios() {
        CommandRun run = CommandRun.of("bench", "--op", "matmul", "--n", "8", "--repeat", "1");

        assertEquals(0, run.exitCode(), run.err());
        List<String> ids = Kernels.discover(getClass().getClassLoader(), line -> { }).ids();
        assertTrue(ids.size() >= 2, ids.toString());
        for (String id : ids) {
            String row = row(run.out(), id);
            assertTrue(row.matches(".*\\d+\\.\\d\\d× +\\d+\\.\\d\\d×$"), row); // ÷ fastest and ÷ naive
        }
        assertTrue(run.out().contains("÷ fastest"), run.out());
        assertTrue(row(run.out(), topOfTable(run.out())).contains(" 1.00× "), run.out()); // the fastest row is itself
        assertTrue(run.out().contains("run the JMH benchmarks, the reference harness"), run.out());
    }

    @Test
    void attentionWithACausalMaskOnTinySizesWorksAndSaysItsShapes() {
        CommandRun run = CommandRun.of("bench", "--op", "attention", "--t", "8", "--mask", "causal", "--repeat", "2");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("attention, q, k, v [1, 8, 8, 64], mask causal"), run.out());
        assertTrue(run.out().contains("GFLOP/s"), run.out());
        assertFalse(run.hasStackTrace(), run.out() + run.err());
    }

    @Test
    void aKernelOnTheKernelPathIsTimedBesideTheBuiltInOnes(@TempDir Path plugin) throws IOException {
        Path services = plugin.resolve("META-INF/services/" + Kernel.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, PluginKernel.class.getName() + "\n");

        CommandRun run = CommandRun.of("bench", "--op", "softmax", "--t", "4", "--repeat", "1",
                "--kernel-path", plugin.toString());

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(row(run.out(), PluginKernel.ID).contains("×"), run.out());
        assertTrue(row(run.out(), Kernels.REFERENCE_ID).contains("×"), run.out());
    }

    @Test
    void badOptionsAreOneLineEach() {
        CommandRun op = CommandRun.of("bench", "--op", "fft");
        CommandRun size = CommandRun.of("bench", "--op", "matmul", "--n", "0");
        CommandRun path = CommandRun.of("bench", "--kernel-path", "/no/such.jar");

        assertEquals(2, op.exitCode());
        assertTrue(op.err().contains("--op must be matmul, softmax or attention, got 'fft'"), op.err());
        assertTrue(size.err().contains("--n must be between 1 and"), size.err());
        assertTrue(path.err().contains("/no/such.jar does not exist"), path.err());
        assertFalse(op.hasStackTrace() || size.hasStackTrace() || path.hasStackTrace());
    }

    /** The table row of {@code id}. */
    private static String row(String out, String id) {
        return out.lines().filter(line -> line.startsWith(id + " ")).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + id + " in\n" + out));
    }

    /** The id in the first row under the table's header. */
    private static String topOfTable(String out) {
        List<String> lines = out.lines().toList();
        int header = lines.indexOf(lines.stream().filter(line -> line.startsWith("kernel ")).findFirst().orElseThrow());
        return lines.get(header + 1).split(" ")[0];
    }

    /** A plugin found only through --kernel-path: the reference kernel's arithmetic under another id. */
    public static final class PluginKernel implements Kernel {
        static final String ID = "plugin-for-tests";
        private final Kernel reference = Kernels.discover(PluginKernel.class.getClassLoader(), line -> { })
                .byId(Kernels.REFERENCE_ID);

        @Override
        public String id() {
            return ID;
        }

        @Override
        public int priority() {
            return -1;
        }

        @Override
        public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
            return reference.matmul(left, right, operand);
        }

        @Override
        public Tensor softmax(Tensor scores, float scale, Mask mask) {
            return reference.softmax(scores, scale, mask);
        }
    }
}
