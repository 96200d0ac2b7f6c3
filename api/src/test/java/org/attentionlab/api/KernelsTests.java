package org.attentionlab.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.jupiter.api.parallel.Resources;

/**
 * Discovery through {@link java.util.ServiceLoader}: each test writes its own
 * {@code META-INF/services/org.attentionlab.api.Kernel} into a temporary directory and discovers
 * with a class loader that sees only that file (classes still come from the test class path).
 */
class KernelsTests {

    private static final String A = FakeKernels.FakeA.class.getName();
    private static final String B = FakeKernels.FakeB.class.getName();
    private static final String C = FakeKernels.FakeC.class.getName();
    private static final String MISSING = "org.attentionlab.api.NoSuchKernel";
    private static final String THROWING_CONSTRUCTOR = FakeKernels.ThrowingConstructor.class.getName();
    private static final String THROWING_ID = FakeKernels.ThrowingId.class.getName();
    private static final String BLANK_ID = FakeKernels.BlankId.class.getName();
    private static final String DUPLICATE = FakeKernels.DuplicateOfA.class.getName();

    @TempDir
    Path dir;

    private final List<String> reported = new ArrayList<>();
    private final List<URLClassLoader> loaders = new ArrayList<>();

    @AfterEach
    void closeLoaders() throws IOException {
        for (URLClassLoader loader : loaders) {
            loader.close();
        }
    }

    // ---------------------------------------------------------------- discovery

    @Test
    void discoversTheListedKernelsByPriority() throws IOException {
        Kernels kernels = discover(A, B);

        assertEquals(List.of("fake-b", "fake-a"), kernels.ids());
        assertInstanceOf(FakeKernels.FakeB.class, kernels.all().get(0));
        assertInstanceOf(FakeKernels.FakeA.class, kernels.byId("fake-a"));
        assertTrue(kernels.failures().isEmpty());
        assertTrue(reported.isEmpty(), "nothing to report: " + reported);
    }

    @Test
    void seesNoKernelsWhenTheServiceFileIsAbsent() throws IOException {
        Kernels kernels = Kernels.discover(isolatedLoader(), reported::add);

        assertTrue(kernels.all().isEmpty());
        assertTrue(kernels.failures().isEmpty());
        assertTrue(reported.isEmpty());
    }

    @Test
    void ignoresCommentsAndBlankLinesInTheServiceFile() throws IOException {
        Kernels kernels = discover("# reference kernels", "", "  " + A + "  # trailing comment");

        assertEquals(List.of("fake-a"), kernels.ids());
        assertTrue(kernels.failures().isEmpty());
    }

    @Test
    void discoverWithoutArgumentsUsesTheContextClassLoader() throws IOException {
        ClassLoader loader = loaderListing(A, B);
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(loader);
        try {
            assertEquals(List.of("fake-b", "fake-a"), Kernels.discover().ids());
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    // ---------------------------------------------------------------- broken providers

    @Test
    void missingProviderClassIsSkippedAndTheNextProviderIsStillFound() throws IOException {
        Kernels kernels = discover(MISSING, A);

        assertEquals(List.of("fake-a"), kernels.ids(), "ServiceLoader must go on after the missing class");
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(MISSING, failure.provider());
        assertTrue(failure.reason().contains("not found"), failure.reason());
        assertNotNull(failure.cause());
        assertReportedOnce(MISSING);
    }

    @Test
    void providerWhoseConstructorThrowsIsSkipped() throws IOException {
        Kernels kernels = discover(THROWING_CONSTRUCTOR, A);

        assertEquals(List.of("fake-a"), kernels.ids());
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(THROWING_CONSTRUCTOR, failure.provider());
        assertTrue(failure.reason().contains("could not be instantiated"), failure.reason());
        assertTrue(failure.reason().contains("constructor failed on purpose"), "root cause named: " + failure.reason());
        assertReportedOnce(THROWING_CONSTRUCTOR);
    }

    @Test
    void providerWhoseIdThrowsIsSkipped() throws IOException {
        Kernels kernels = discover(THROWING_ID, A);

        assertEquals(List.of("fake-a"), kernels.ids());
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(THROWING_ID, failure.provider());
        assertTrue(failure.reason().contains("id() or priority() threw"), failure.reason());
        assertTrue(failure.reason().contains("id failed on purpose"), failure.reason());
        assertInstanceOf(IllegalStateException.class, failure.cause());
        assertReportedOnce(THROWING_ID);
    }

    @Test
    void providerWithBlankIdIsSkipped() throws IOException {
        Kernels kernels = discover(BLANK_ID, A);

        assertEquals(List.of("fake-a"), kernels.ids());
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(BLANK_ID, failure.provider());
        assertTrue(failure.reason().contains("invalid id"), failure.reason());
        assertNull(failure.cause(), "a rule of the registry, not an exception");
        assertReportedOnce(BLANK_ID);
    }

    @Test
    void secondProviderWithTheSameIdIsSkippedAndTheFirstKept() throws IOException {
        Kernels kernels = discover(A, DUPLICATE);

        assertEquals(List.of("fake-a"), kernels.ids());
        assertInstanceOf(FakeKernels.FakeA.class, kernels.byId("fake-a"), "the first provider wins");
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(DUPLICATE, failure.provider());
        assertTrue(failure.reason().contains("duplicate id 'fake-a'"), failure.reason());
        assertTrue(failure.reason().contains(A), "names the provider that has the id: " + failure.reason());
        assertTrue(failure.reason().contains(DUPLICATE), "names the provider that claims it too: " + failure.reason());
        assertReportedOnce(DUPLICATE);
    }

    @Test
    void aPluginClaimingTheReferenceIdIsSkippedEvenWhenItComesFirst() throws IOException {
        String impostor = FakeKernels.ClaimsReferenceId.class.getName();
        Kernels kernels = discover(impostor, A);

        assertEquals(List.of("fake-a"), kernels.ids());
        assertTrue(kernels.find(Kernels.REFERENCE_ID).isEmpty(), "the oracle's id is not taken over");
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(impostor, failure.provider());
        assertTrue(failure.reason().contains("reserved for the reference kernel " + Kernels.REFERENCE_CLASS),
                failure.reason());
        assertReportedOnce(impostor);
    }

    @Test
    void providerThatIsNotAKernelIsSkipped() throws IOException {
        String notAKernel = FakeKernels.class.getName();
        Kernels kernels = discover(notAKernel, A);

        assertEquals(List.of("fake-a"), kernels.ids());
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(notAKernel, failure.provider());
        assertTrue(failure.reason().contains("not a subtype"), failure.reason());
    }

    @Test
    void providerWithoutANoArgumentConstructorIsSkipped() throws IOException {
        String provider = FakeKernels.NoNoArgConstructor.class.getName();
        Kernels kernels = discover(provider, A);

        assertEquals(List.of("fake-a"), kernels.ids());
        KernelLoadFailure failure = onlyFailure(kernels);
        assertEquals(provider, failure.provider());
        assertTrue(failure.reason().contains("no-arg constructor"), failure.reason());
        assertReportedOnce(provider);
    }

    @Test
    void serviceFileWithBadSyntaxIsReportedNotThrown() throws IOException {
        Kernels kernels = discover(A, "not a class name");

        assertTrue(kernels.all().isEmpty(), "ServiceLoader rejects the whole file");
        KernelLoadFailure failure = onlyFailure(kernels);
        assertTrue(failure.reason().contains("Illegal"), failure.reason());
        assertEquals(1, reported.size());
        assertTrue(reported.get(0).startsWith(Kernels.REPORT_PREFIX), reported.get(0));
    }

    @Test
    void everyBrokenProviderIsListedInOrderAndTheGoodOnesAreStillFound() throws IOException {
        String notAKernel = FakeKernels.class.getName();
        Kernels kernels = discover(MISSING, A, THROWING_CONSTRUCTOR, THROWING_ID, notAKernel, B, BLANK_ID, DUPLICATE);

        assertEquals(List.of("fake-b", "fake-a"), kernels.ids());
        List<String> providers = kernels.failures().stream().map(KernelLoadFailure::provider).toList();
        assertEquals(List.of(MISSING, THROWING_CONSTRUCTOR, THROWING_ID, notAKernel, BLANK_ID, DUPLICATE), providers);
        assertEquals(providers.size(), reported.size(), "one report line per failure: " + reported);
        for (int i = 0; i < providers.size(); i++) {
            String line = reported.get(i);
            assertTrue(line.startsWith(Kernels.REPORT_PREFIX), line);
            assertTrue(line.contains(providers.get(i)), line);
            assertTrue(line.contains(kernels.failures().get(i).reason()), line);
        }
        assertTrue(kernels.toString().contains("skipped"), kernels.toString());
    }

    @Test
    void aMultiLineErrorMessageIsStillReportedOnOneLine() throws IOException {
        String provider = FakeKernels.MultiLineConstructorFailure.class.getName();
        Kernels kernels = discover(provider, A);

        assertEquals(List.of("fake-a"), kernels.ids());
        assertReportedOnce(provider);
        String line = reported.get(0);
        assertTrue(line.contains("first line second line third line"), line);
        assertTrue(line.indexOf('\n') < 0 && line.indexOf('\r') < 0, line);
    }

    // ---------------------------------------------------------------- order and choice

    @Test
    void allIsSortedByPriorityDescendingWithTiesById() throws IOException {
        Kernels discovered = discover(C, A, B);
        Kernels made = Kernels.of(new FakeKernels.FakeC(), new FakeKernels.FakeA(), new FakeKernels.FakeB());

        assertEquals(List.of("fake-b", "fake-a", "fake-c"), discovered.ids());
        assertEquals(List.of("fake-b", "fake-a", "fake-c"), made.ids());
        assertEquals(discovered.ids(), discovered.all().stream().map(Kernel::id).toList());
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void defaultKernelIsTheOneWithTheHighestPriority() throws IOException {
        Kernels kernels = discover(A, B, C);

        Kernel chosen = withKernelProperty(null, kernels::defaultKernel);

        assertEquals("fake-b", chosen.id());
        assertSame(kernels.all().get(0), chosen);
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void defaultChoiceSaysWhyTheKernelIsTheDefault() throws IOException {
        Kernels kernels = discover(A, B, C);

        KernelChoice byPriority = withKernelProperty(null, kernels::defaultChoice);
        KernelChoice byProperty = withKernelProperty(" fake-a ", kernels::defaultChoice);
        KernelChoice only = withKernelProperty(null, () -> Kernels.of(new FakeKernels.FakeA()).defaultChoice());

        assertEquals("fake-b", byPriority.kernel().id());
        assertEquals("the highest priority (" + byPriority.kernel().priority() + ") of the 3 kernels found",
                byPriority.reason());
        assertEquals("fake-a", byProperty.kernel().id());
        assertEquals("chosen by -D" + Kernels.KERNEL_PROPERTY + "=fake-a", byProperty.reason());
        assertEquals("the only kernel found", only.reason());
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void kernelPropertyOverridesTheDefault() throws IOException {
        Kernels kernels = discover(A, B);

        assertEquals("fake-a", withKernelProperty("fake-a", kernels::defaultKernel).id());
        assertEquals("fake-a", withKernelProperty("  fake-a ", kernels::defaultKernel).id(), "spaces are ignored");
        assertEquals("fake-b", withKernelProperty("   ", kernels::defaultKernel).id(), "blank means not set");
    }

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void unknownIdInThePropertyFailsNamingThePropertyAndTheAvailableIds() throws IOException {
        Kernels kernels = discover(A, B);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> withKernelProperty("nope", kernels::defaultKernel));

        assertTrue(e.getMessage().contains(Kernels.KERNEL_PROPERTY), e.getMessage());
        assertTrue(e.getMessage().contains("'nope'"), e.getMessage());
        assertTrue(e.getMessage().contains("[fake-b, fake-a]"), e.getMessage());
    }

    @Test
    void byIdAndFindReturnTheKernelWithThatId() throws IOException {
        Kernels kernels = discover(A, B);

        assertEquals("fake-b", kernels.byId("fake-b").id());
        assertEquals("fake-a", kernels.find("fake-a").orElseThrow().id());
        assertTrue(kernels.find("fake-z").isEmpty());
    }

    @Test
    void byIdWithAnUnknownIdListsTheAvailableIds() throws IOException {
        Kernels kernels = discover(A, B);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernels.byId("fast"));

        assertTrue(e.getMessage().contains("'fast'"), e.getMessage());
        assertTrue(e.getMessage().contains("[fake-b, fake-a]"), e.getMessage());
    }

    @Test
    void byIdPointsAtAFailedProviderWhoseNameMatches() throws IOException {
        Kernels kernels = discover(THROWING_CONSTRUCTOR, A);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kernels.byId("throwing"));

        assertTrue(e.getMessage().contains("perhaps it is the provider that failed to load"), e.getMessage());
        assertTrue(e.getMessage().contains(THROWING_CONSTRUCTOR), e.getMessage());
    }

    // ---------------------------------------------------------------- no kernels at all

    @Test
    @ResourceLock(Resources.SYSTEM_PROPERTIES)
    void withoutKernelsByIdAndDefaultKernelNameTheReferenceArtifact() throws IOException {
        Kernels kernels = discover();

        IllegalStateException byId = assertThrows(IllegalStateException.class, () -> kernels.byId("naive"));
        IllegalStateException byDefault = assertThrows(IllegalStateException.class,
                () -> withKernelProperty(null, kernels::defaultKernel));

        assertTrue(byId.getMessage().contains("org.attentionlab:attentionlab-kernels-naive"), byId.getMessage());
        assertTrue(byDefault.getMessage().contains("org.attentionlab:attentionlab-kernels-naive"),
                byDefault.getMessage());
        assertTrue(byId.getMessage().contains("META-INF/services/org.attentionlab.api.Kernel"), byId.getMessage());
    }

    @Test
    void withoutUsableKernelsTheErrorAlsoNamesTheSkippedProviders() throws IOException {
        Kernels kernels = discover(MISSING);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kernels.byId("naive"));

        assertTrue(e.getMessage().contains(Kernels.REFERENCE_ARTIFACT), e.getMessage());
        assertTrue(e.getMessage().contains(MISSING), e.getMessage());
    }

    @Test
    void anEmptyRegistryMadeByHandAlsoNamesTheReferenceArtifact() {
        Kernels kernels = Kernels.of();

        assertTrue(kernels.all().isEmpty());
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> kernels.byId("naive"));
        assertTrue(e.getMessage().contains("org.attentionlab:attentionlab-kernels-naive"), e.getMessage());
    }

    // ---------------------------------------------------------------- Kernels.of and the value types

    @Test
    void ofRejectsDuplicateIds() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Kernels.of(new FakeKernels.FakeA(), new FakeKernels.DuplicateOfA()));

        assertTrue(e.getMessage().contains("duplicate id 'fake-a'"), e.getMessage());
    }

    @Test
    void ofRejectsInvalidIdsAndNulls() {
        assertThrows(IllegalArgumentException.class, () -> Kernels.of(new FakeKernels.BlankId()));
        assertThrows(NullPointerException.class, () -> Kernels.of(new FakeKernels.FakeA(), null));
    }

    @Test
    void theListsCannotBeModified() {
        Kernels kernels = Kernels.of(new FakeKernels.FakeA());

        assertThrows(UnsupportedOperationException.class, () -> kernels.all().add(new FakeKernels.FakeB()));
        assertThrows(UnsupportedOperationException.class, () -> kernels.ids().add("fake-b"));
        assertThrows(UnsupportedOperationException.class, () -> kernels.failures().clear());
        assertEquals(List.of("fake-a"), kernels.ids());
    }

    @Test
    void discoverRejectsNullArguments() {
        assertThrows(NullPointerException.class, () -> Kernels.discover(null, reported::add));
        assertThrows(NullPointerException.class, () -> Kernels.discover(getClass().getClassLoader(), null));
    }

    @Test
    void kernelLoadFailureNeedsProviderAndReasonAndPrintsBoth() {
        KernelLoadFailure failure = new KernelLoadFailure("x.Y", "broken", null);

        assertEquals("x.Y: broken", failure.toString());
        assertThrows(NullPointerException.class, () -> new KernelLoadFailure(null, "broken", null));
        assertThrows(NullPointerException.class, () -> new KernelLoadFailure("x.Y", null, null));
    }

    @Test
    void toStringListsTheIds() {
        assertEquals("Kernels[fake-b, fake-a]", Kernels.of(new FakeKernels.FakeA(), new FakeKernels.FakeB()).toString());
    }

    // ---------------------------------------------------------------- helpers

    private Kernels discover(String... providers) throws IOException {
        return Kernels.discover(loaderListing(providers), reported::add);
    }

    private ClassLoader loaderListing(String... providers) throws IOException {
        Path services = Files.createDirectories(dir.resolve("META-INF/services"));
        Files.write(services.resolve(Kernel.class.getName()), List.of(providers));
        return isolatedLoader();
    }

    /** Loads classes through the test class path but finds resources in {@link #dir} only. */
    private ClassLoader isolatedLoader() throws IOException {
        URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, getClass().getClassLoader()) {
            @Override
            public Enumeration<URL> getResources(String name) throws IOException {
                return findResources(name);
            }
        };
        loaders.add(loader);
        return loader;
    }

    private static KernelLoadFailure onlyFailure(Kernels kernels) {
        assertEquals(1, kernels.failures().size(), "failures: " + kernels.failures());
        return kernels.failures().get(0);
    }

    private void assertReportedOnce(String provider) {
        assertEquals(1, reported.size(), "reported: " + reported);
        String line = reported.get(0);
        assertTrue(line.startsWith(Kernels.REPORT_PREFIX), line);
        assertTrue(line.contains(provider), line);
    }

    /** Runs {@code action} with the kernel property set to {@code value} (null: cleared), then restores it. */
    private static <T> T withKernelProperty(String value, Supplier<T> action) {
        String previous = System.getProperty(Kernels.KERNEL_PROPERTY);
        try {
            if (value == null) {
                System.clearProperty(Kernels.KERNEL_PROPERTY);
            } else {
                System.setProperty(Kernels.KERNEL_PROPERTY, value);
            }
            return action.get();
        } finally {
            if (previous == null) {
                System.clearProperty(Kernels.KERNEL_PROPERTY);
            } else {
                System.setProperty(Kernels.KERNEL_PROPERTY, previous);
            }
        }
    }
}
