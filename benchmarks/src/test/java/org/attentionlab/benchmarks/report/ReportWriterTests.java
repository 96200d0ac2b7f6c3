package org.attentionlab.benchmarks.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report from a small fixture: two JMH result files (kernels, peers) with known medians. */
class ReportWriterTests {

    private static final MachineInfo MACHINE = new MachineInfo("Test CPU", Set.of("avx2", "fma"),
            List.of("L1d cache: 64 KiB", "L2 cache: 1 MiB"), 2, "17.0.15, OpenJDK 64-Bit Server VM");

    private List<Result> results;

    @BeforeEach
    void readFixture() throws IOException, URISyntaxException {
        results = JmhResults.readFolder(Path.of(getClass().getResource("/report/kernels.json").toURI()).getParent());
    }

    @Test
    void readsEveryResultWithItsMedianInMilliseconds() {
        assertEquals(13, results.size());
        Result skylake = results.stream().filter(r -> "SkylakeX".equals(r.params().get("coreType"))).findFirst().orElseThrow();
        assertEquals(0.5, skylake.medianMillis(), 1e-12); // 500 us/op
        assertEquals("OpenBLAS", skylake.who());
        assertTrue(skylake.isPeer());
    }

    @Test
    void theTableGivesEachKernelsRatioToEveryPeerAtTheSameThreadCount() {
        List<String> rows = tableRows(markdown());

        // blocked 10 ms; OpenBLAS 1 ms (auto) and 0.5 ms (SkylakeX): the faster is the reference
        assertRow(rows, "| matmul | 256 | none | 1 | blocked |", "20.00×", "5.00×", "2.50×");
        // at two threads only OpenBLAS was measured: 8 ms / 0.4 ms
        assertRow(rows, "| matmul | 256 | none | 2 | blocked |", "20.00×", "—", "—");
        assertRow(rows, "| attention | 256 | none | 1 | blocked |", "—", "4.00×", "—");
        assertRow(rows, "| attention | 512 | none | 1 | blocked |", "—", "4.00×", "—");
    }

    @Test
    void theFasterOpenBlasCoreTypeIsMarkedAsTheReference() {
        String md = markdown();
        assertTrue(md.contains("OPENBLAS_CORETYPE SkylakeX (reference)"), md);
        assertTrue(md.contains("OPENBLAS_CORETYPE auto |"), md);
    }

    @Test
    void composedAgainstFusedGivesTheTimeRatioAndTheBytesPerCall() {
        String row = markdown().lines().filter(line -> line.startsWith("| blocked | 1024 |")).findFirst().orElseThrow();
        assertEquals("| blocked | 1024 | none | 1 | 20.0 | 10.0 | 2.00× | 64.0 | 2.0 |", row);
    }

    @Test
    void theMachineSectionNamesTheCpuItsVectorFlagsAndTheThreadCounts() {
        String md = markdown();
        assertTrue(md.contains("- CPU: Test CPU, 2 cores"), md);
        assertTrue(md.contains("- AVX2: yes; AVX-512F: no"), md);
        assertTrue(md.contains("L2 cache: 1 MiB"), md);
        assertTrue(md.contains("- JDK: 17.0.15, OpenJDK 64-Bit Server VM"), md);
        assertTrue(md.contains("- Thread counts measured: 1, 2 "), md);
    }

    @Test
    void aMachineWhoseCachesLscpuDoesNotReportSaysSo() {
        MachineInfo noCaches = new MachineInfo("Test CPU", Set.of("avx2"), List.of(), 2, "17.0.15");
        String md = new ReportWriter(results, noCaches, List.of()).markdown(false);
        assertTrue(md.contains("- Caches (lscpu): not reported on this machine\n"), md);
    }

    @Test
    void writesTheReportAndAPngChartOfAttentionTimeAgainstT(@TempDir Path folder) throws IOException {
        Path report = new ReportWriter(results, MACHINE, List.of("a note")).write(folder);

        assertTrue(Files.readString(report).contains("![attention time against T](attention-time.png)"));
        byte[] png = Files.readAllBytes(folder.resolve(AttentionChart.FILE));
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(png, 4));
    }

    private String markdown() {
        return new ReportWriter(results, MACHINE, List.of()).markdown(false);
    }

    private static List<String> tableRows(String markdown) {
        String section = markdown.substring(markdown.indexOf("## Kernels against the peers"), markdown.indexOf("## The peers"));
        assertTrue(section.contains("| ÷ OpenBLAS | ÷ PyTorch | ÷ EJML |"), section);
        return section.lines().filter(line -> line.startsWith("| ")).toList();
    }

    /** The row that starts with {@code start} ends with these ratio cells, in column order. */
    private static void assertRow(List<String> rows, String start, String openBlas, String pyTorch, String ejml) {
        String row = rows.stream().filter(line -> line.startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no row " + start + " in\n" + String.join("\n", rows)));
        assertTrue(row.endsWith("| " + openBlas + " | " + pyTorch + " | " + ejml + " |"), row);
    }
}
