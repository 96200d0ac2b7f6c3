package org.attentionlab.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.function.Consumer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The kernels found on the class path through {@link ServiceLoader}
 * ({@code META-INF/services/org.attentionlab.api.Kernel}).
 *
 * <p>Discovery never fails because of one bad plugin: a provider whose class is missing, whose
 * constructor throws, or whose id is invalid or already taken is reported (one line on the
 * reporter, {@code System.err} by default, prefixed {@value #REPORT_PREFIX}), listed in
 * {@link #failures()}, and skipped. Only asking for a kernel that is not there fails, with a
 * message that says what is there and what to add.
 *
 * <p>Ids are unique. When two providers claim one id, the first on the class path is kept and the
 * other is reported with both class names, except for the reference id {@value #REFERENCE_ID}:
 * it always belongs to {@value #REFERENCE_CLASS}, the oracle every other kernel is checked
 * against, so a plugin cannot replace it by coming first on the class path.
 *
 * <p>A {@code Kernels} is immutable and thread-safe. Discovery instantiates every provider, so
 * do it once and keep the result (or let the Guice module do it).
 */
public final class Kernels {

    /** System property that chooses the default kernel by id, e.g. {@code -Dattentionlab.kernel=naive}. */
    public static final String KERNEL_PROPERTY = "attentionlab.kernel";

    /** Every line this class reports starts with this. */
    public static final String REPORT_PREFIX = "attentionlab: ";

    /** The artifact that provides the reference kernel: what to add when there is none. */
    public static final String REFERENCE_ARTIFACT = "org.attentionlab:attentionlab-kernels-naive";

    /** The reference kernel's id: it always names {@value #REFERENCE_CLASS}. */
    public static final String REFERENCE_ID = "naive";

    /** The reference kernel's class, the only provider that may take {@value #REFERENCE_ID}. */
    public static final String REFERENCE_CLASS = "org.attentionlab.kernels.naive.NaiveKernel";

    /** Enough to stop a class path whose service files are broken beyond repair from looping. */
    private static final int MAX_FAILURES = 100;

    private static final String SERVICE_FILE = "META-INF/services/" + Kernel.class.getName();

    /** By priority, highest first; ties by id. */
    private final List<Kernel> kernels;
    private final List<KernelLoadFailure> failures;

    private Kernels(List<Kernel> kernels, List<KernelLoadFailure> failures) {
        this.kernels = List.copyOf(kernels);
        this.failures = List.copyOf(failures);
    }

    /** Discovers with the thread's context class loader, reporting failures to {@code System.err}. */
    public static Kernels discover() {
        return discover(contextClassLoader(), System.err::println);
    }

    /**
     * Discovers the kernels visible to {@code loader}.
     *
     * @param reporter receives one line per provider that could not be used
     */
    public static Kernels discover(ClassLoader loader, Consumer<String> reporter) {
        Objects.requireNonNull(loader, "loader");
        Objects.requireNonNull(reporter, "reporter");
        Map<String, Kernel> byId = new LinkedHashMap<>();
        List<KernelLoadFailure> failures = new ArrayList<>();
        Set<String> listed = listedProviders(loader);
        Iterator<Kernel> providers = ServiceLoader.load(Kernel.class, loader).iterator();
        while (failures.size() < MAX_FAILURES) {
            Kernel kernel;
            try {
                if (!providers.hasNext()) {
                    break;
                }
                kernel = providers.next();
            } catch (ServiceConfigurationError | LinkageError e) {
                // ServiceLoader's iterator goes on with the next provider after an error.
                failures.add(new KernelLoadFailure(providerNamedIn(e, listed), describe(e), e));
                continue;
            }
            register(kernel, byId, failures);
        }
        failures.forEach(failure -> reporter.accept(REPORT_PREFIX + "skipped kernel provider " + failure));
        return new Kernels(byPriority(byId.values()), failures);
    }

    /** A registry of exactly these kernels, without discovery (for tests and hand-made set-ups). */
    public static Kernels of(Kernel... kernels) {
        Map<String, Kernel> byId = new LinkedHashMap<>();
        List<KernelLoadFailure> failures = new ArrayList<>();
        for (Kernel kernel : kernels) {
            register(Objects.requireNonNull(kernel, "kernel"), byId, failures);
        }
        if (!failures.isEmpty()) {
            throw new IllegalArgumentException("Kernels.of: " + failures);
        }
        return new Kernels(byPriority(byId.values()), failures);
    }

    private static List<Kernel> byPriority(Collection<Kernel> kernels) {
        List<Kernel> sorted = new ArrayList<>(kernels);
        sorted.sort(Comparator.comparingInt(Kernel::priority).reversed().thenComparing(Kernel::id));
        return sorted;
    }

    private static void register(Kernel kernel, Map<String, Kernel> byId, List<KernelLoadFailure> failures) {
        String provider = kernel.getClass().getName();
        String id;
        try {
            id = kernel.id();
            kernel.priority();
        } catch (RuntimeException | LinkageError e) {
            failures.add(new KernelLoadFailure(provider, "id() or priority() threw " + describe(e), e));
            return;
        }
        if (id == null || id.isBlank() || !id.equals(id.strip())) {
            failures.add(new KernelLoadFailure(provider, "invalid id " + (id == null ? "null" : "'" + id + "'")
                    + " (must be non-blank without surrounding spaces)", null));
        } else if (id.equals(REFERENCE_ID) && !provider.equals(REFERENCE_CLASS)) {
            failures.add(new KernelLoadFailure(provider, "id '" + id + "' is reserved for the reference kernel "
                    + REFERENCE_CLASS + ", which every other kernel is checked against; choose another id", null));
        } else if (byId.containsKey(id)) {
            failures.add(new KernelLoadFailure(provider, "duplicate id '" + id + "': both " + byId.get(id).getClass().getName()
                    + " and " + provider + " claim it; the first on the class path, "
                    + byId.get(id).getClass().getName() + ", is kept", null));
        } else {
            byId.put(id, kernel);
        }
    }

    /** Every usable kernel, highest priority first. */
    public List<Kernel> all() {
        return kernels;
    }

    /** The ids of {@link #all()}, in the same order. */
    public List<String> ids() {
        return kernels.stream().map(Kernel::id).toList();
    }

    /** The providers that were found but skipped, with the reason. */
    public List<KernelLoadFailure> failures() {
        return failures;
    }

    /** The kernel with this id, if it is there. */
    public Optional<Kernel> find(String id) {
        Objects.requireNonNull(id, "id");
        return kernels.stream().filter(k -> k.id().equals(id)).findFirst();
    }

    /**
     * The kernel with this id.
     *
     * @throws IllegalArgumentException if there is none, listing the ids that exist
     * @throws IllegalStateException    if there are no kernels at all, saying which artifact to add
     */
    public Kernel byId(String id) {
        requireAny();
        return find(id).orElseThrow(() -> new IllegalArgumentException(unknownId(id)));
    }

    /**
     * The kernel to use when the caller does not choose: {@link #defaultChoice()}'s kernel.
     *
     * @throws IllegalArgumentException if the property names a kernel that is not there
     * @throws IllegalStateException    if there are no kernels at all, saying which artifact to add
     */
    public Kernel defaultKernel() {
        return defaultChoice().kernel();
    }

    /**
     * The default kernel and why: the one named by the system property {@value #KERNEL_PROPERTY}
     * if set (surrounding spaces ignored), otherwise the one with the highest
     * {@link Kernel#priority()} (ties broken by id). The one place this rule is written.
     *
     * @throws IllegalArgumentException if the property names a kernel that is not there
     * @throws IllegalStateException    if there are no kernels at all, saying which artifact to add
     */
    public KernelChoice defaultChoice() {
        requireAny();
        String chosen = System.getProperty(KERNEL_PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            Kernel top = kernels.get(0);
            return new KernelChoice(top, kernels.size() == 1
                    ? "the only kernel found"
                    : "the highest priority (" + top.priority() + ") of the " + kernels.size() + " kernels found");
        }
        String id = chosen.strip();
        Kernel kernel = find(id).orElseThrow(() -> new IllegalArgumentException(
                "System property " + KERNEL_PROPERTY + " chooses " + unknownId(id)));
        return new KernelChoice(kernel, "chosen by -D" + KERNEL_PROPERTY + "=" + id);
    }

    private void requireAny() {
        if (kernels.isEmpty()) {
            throw new IllegalStateException("No attention kernel found on the class path"
                    + " (no usable entry in META-INF/services/" + Kernel.class.getName() + "). Add a kernel"
                    + " plugin, for example the reference kernel " + REFERENCE_ARTIFACT + "."
                    + (failures.isEmpty() ? "" : " Skipped providers: " + failures));
        }
    }

    private String unknownId(String id) {
        StringBuilder message = new StringBuilder("unknown kernel id '").append(id)
                .append("'; available ids: ").append(ids());
        failures.stream().filter(f -> f.provider().toLowerCase().contains(id.toLowerCase())).forEach(f ->
                message.append("; perhaps it is the provider that failed to load: ").append(f));
        return message.toString();
    }

    private static ClassLoader contextClassLoader() {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return loader != null ? loader : Kernels.class.getClassLoader();
    }

    /**
     * The provider a {@link ServiceConfigurationError} is about: the listed class name that its
     * message (or its cause's) mentions. ServiceLoader's wording differs between JDK versions, but
     * it always names the class, and the service files say which names to look for.
     */
    private static String providerNamedIn(Throwable e, Set<String> listed) {
        String best = null;
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = String.valueOf(t.getMessage());
            for (String name : listed) {
                if (message.contains(name) && (best == null || name.length() > best.length())) {
                    best = name; // the longest match: a.b.Kernel2 over a.b.Kernel
                }
            }
            if (best != null) {
                return best;
            }
        }
        return "(unknown provider)";
    }

    /** Every class name listed in the service files {@code loader} sees, in class-path order. */
    private static Set<String> listedProviders(ClassLoader loader) {
        Set<String> names = new LinkedHashSet<>();
        try {
            Enumeration<URL> files = loader.getResources(SERVICE_FILE);
            while (files.hasMoreElements()) {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(files.nextElement().openStream(),
                        StandardCharsets.UTF_8))) {
                    for (String line = in.readLine(); line != null; line = in.readLine()) {
                        String name = line.replaceFirst("#.*", "").strip();
                        if (!name.isEmpty()) {
                            names.add(name);
                        }
                    }
                }
            }
        } catch (IOException e) {
            // only the names in reports suffer; ServiceLoader reports the unreadable file itself
        }
        return names;
    }

    /** The error and its root cause on one line: the cause usually says what really went wrong. */
    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        text = root == e ? text : text + " (cause: " + root.getClass().getName() + ": " + root.getMessage() + ")";
        return text.replaceAll("\\s*\\R\\s*", " "); // a report is one line, whatever the messages hold
    }

    @Override
    public String toString() {
        return "Kernels" + ids() + (failures.isEmpty() ? "" : " (skipped: " + failures + ")");
    }
}
