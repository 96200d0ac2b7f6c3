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
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    /** Enough to stop a class path whose service files are broken beyond repair from looping. */
    private static final int MAX_FAILURES = 100;

    /** The class in ServiceLoader's messages: "Provider x.Y not found", "x.Y not a subtype", "x.Y Unable to ...". */
    private static final Pattern PROVIDER_NAME = Pattern.compile("Provider (\\S+)|: (\\S+) (?:not a subtype|Unable to)");

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
                failures.add(new KernelLoadFailure(providerName(e), describe(e), e));
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
        } else if (byId.containsKey(id)) {
            failures.add(new KernelLoadFailure(provider, "duplicate id '" + id + "', already provided by "
                    + byId.get(id).getClass().getName(), null));
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
     * The kernel to use when the caller does not choose: the one named by the system property
     * {@value #KERNEL_PROPERTY} if set, otherwise the one with the highest {@link Kernel#priority()}.
     *
     * @throws IllegalArgumentException if the property names a kernel that is not there
     * @throws IllegalStateException    if there are no kernels at all, saying which artifact to add
     */
    public Kernel defaultKernel() {
        requireAny();
        String chosen = System.getProperty(KERNEL_PROPERTY);
        if (chosen == null || chosen.isBlank()) {
            return kernels.get(0);
        }
        return find(chosen.strip()).orElseThrow(() -> new IllegalArgumentException(
                "System property " + KERNEL_PROPERTY + " chooses " + unknownId(chosen.strip())));
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

    private static String providerName(Throwable e) {
        Matcher matcher = PROVIDER_NAME.matcher(String.valueOf(e.getMessage()));
        if (!matcher.find()) {
            return "(unknown provider)";
        }
        return matcher.group(1) != null ? matcher.group(1) : matcher.group(2);
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
