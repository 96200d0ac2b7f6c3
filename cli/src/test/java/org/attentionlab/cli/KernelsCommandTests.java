package org.attentionlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.attentionlab.api.Kernel;
import org.attentionlab.api.Kernels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KernelsCommandTests {

    private static final String SERVICES = "META-INF/services/" + Kernel.class.getName();

    @Test
    void listsEveryProviderRegisteredOnTheClassPathWithTheDefaultMarked() throws IOException {
        List<String> providers = registeredProviders();
        CommandRun run = CommandRun.of("kernels");

        assertEquals(0, run.exitCode(), run.err());
        assertTrue(providers.contains("org.attentionlab.kernels.naive.NaiveKernel"), providers.toString());
        for (String provider : providers) {
            assertTrue(run.out().contains(provider), provider + " missing from\n" + run.out());
        }
        List<String> marked = run.out().lines().filter(line -> line.startsWith("* ")).toList();
        assertEquals(1, marked.size(), run.out());
        String defaultId = Kernels.discover(getClass().getClassLoader(), line -> { }).defaultKernel().id();
        assertTrue(marked.get(0).startsWith("* " + defaultId + " "), marked.get(0));
        assertTrue(run.out().contains("could not be loaded: none"));
    }

    @Test
    void theNaiveKernelIsListedWithItsPriorityAndDescription() {
        CommandRun run = CommandRun.of("kernels");
        Kernel naive = Kernels.discover(getClass().getClassLoader(), line -> { }).byId("naive");

        List<String> lines = run.out().lines().toList();
        int row = lines.indexOf(lines.stream().filter(line -> line.startsWith("* naive ") || line.startsWith("  naive "))
                .findFirst().orElseThrow(() -> new AssertionError(run.out())));
        assertTrue(lines.get(row).contains(" " + naive.priority() + "  "), lines.get(row));
        String described = String.join(" ", lines.subList(row, lines.size())).replaceAll("\\s+", " ");
        assertTrue(described.contains(naive.description().replaceAll("\\s+", " ")), described);
    }

    @Test
    void everyLineOfTheListingFitsTheWidthWithoutLosingWords() {
        Kernels kernels = Kernels.discover(getClass().getClassLoader(), line -> { });
        for (String width : new String[] {"80", "60"}) {
            CommandRun run = CommandRun.of("--width", width, "kernels");

            assertEquals(0, run.exitCode(), run.err());
            List<String> tooWide = run.out().lines().filter(line -> line.length() > Integer.parseInt(width)).toList();
            assertEquals(List.of(), tooWide, "over " + width + " columns");
            String words = run.out().replaceAll("\\s+", " ");
            for (Kernel kernel : kernels.all()) {
                assertTrue(words.contains(kernel.description().strip().replaceAll("\\s+", " ")), kernel.id());
            }
            assertTrue(words.contains("-D" + Kernels.KERNEL_PROPERTY + "=<id>."), "the default note, whole");
        }
    }

    @Test
    void aProviderThatFailsToLoadIsListedWithItsReasonAndTheOthersStillWork(@TempDir Path dir) throws IOException {
        Path services = dir.resolve(SERVICES);
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.example.MissingKernel\n");
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader())) {
            Kernels kernels = Kernels.discover(loader, line -> { });

            String listing = print(kernels);

            assertTrue(listing.contains("org.example.MissingKernel"), listing);
            assertTrue(listing.replaceAll("\\s+", " ").contains(kernels.failures().get(0).reason()), listing);
            assertTrue(listing.contains("naive"), listing);
            assertFalse(listing.contains("could not be loaded: none"), listing);
        }
    }

    @Test
    void withoutKernelsTheListingSaysWhatToAdd() {
        String listing = print(Kernels.of());

        assertTrue(listing.contains("none"), listing);
        assertTrue(listing.contains(Kernels.REFERENCE_ARTIFACT), listing);
    }

    @Test
    void aSystemPropertyNamingNoKernelIsReportedInsteadOfFailingTheListing() {
        String previous = System.getProperty(Kernels.KERNEL_PROPERTY);
        System.setProperty(Kernels.KERNEL_PROPERTY, "nope");
        try {
            CommandRun run = CommandRun.of("kernels");

            assertEquals(0, run.exitCode(), run.err());
            assertTrue(run.out().contains("No default") && run.out().contains("'nope'"), run.out());
            assertTrue(run.out().lines().noneMatch(line -> line.startsWith("* ")), run.out());
        } finally {
            restore(previous);
        }
    }

    @Test
    void aSystemPropertyChoosesTheDefault() {
        String previous = System.getProperty(Kernels.KERNEL_PROPERTY);
        System.setProperty(Kernels.KERNEL_PROPERTY, "naive");
        try {
            CommandRun run = CommandRun.of("kernels");

            assertTrue(run.out().lines().anyMatch(line -> line.startsWith("* naive ")), run.out());
            assertTrue(run.out().contains("chosen by -D" + Kernels.KERNEL_PROPERTY + "=naive"), run.out());
        } finally {
            restore(previous);
        }
    }

    @Test
    void theTourAndTheListingGiveTheSameReasonForTheDefault() {
        String previous = System.getProperty(Kernels.KERNEL_PROPERTY);
        try {
            for (String property : new String[] {null, " naive "}) {
                restore(property);
                String reason = Kernels.discover(getClass().getClassLoader(), line -> { }).defaultChoice().reason();

                // wrapped lines are joined: the reason may be folded at any space
                String tour = CommandRun.of("tour", "--width", "200").out().replaceAll("\\s+", " ");
                String listing = CommandRun.of("kernels").out().replaceAll("\\s+", " ");

                assertTrue(tour.contains(", the default (" + reason + "); "), reason + " in\n" + tour);
                assertTrue(listing.contains("Default (*): " + reason + ". "), reason + " in\n" + listing);
            }
        } finally {
            restore(previous);
        }
    }

    private static void restore(String previous) {
        if (previous == null) {
            System.clearProperty(Kernels.KERNEL_PROPERTY);
        } else {
            System.setProperty(Kernels.KERNEL_PROPERTY, previous);
        }
    }

    private static String print(Kernels kernels) {
        StringWriter text = new StringWriter();
        try (PrintWriter out = new PrintWriter(text)) {
            new KernelListing(kernels).print(out);
        }
        return text.toString();
    }

    /** The provider classes named in every services file on the test class path, read without Kernels. */
    private List<String> registeredProviders() throws IOException {
        List<String> providers = new ArrayList<>();
        for (URL url : Collections.list(getClass().getClassLoader().getResources(SERVICES))) {
            try (InputStream in = url.openStream()) {
                new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                        .map(line -> line.replaceAll("#.*", "").strip())
                        .filter(line -> !line.isEmpty())
                        .forEach(providers::add);
            }
        }
        return providers;
    }
}
