package org.attentionlab.notebooks;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.dflib.jjava.jupyter.kernel.BaseKernel;
import org.dflib.jjava.jupyter.kernel.JupyterIO;
import org.dflib.jjava.jupyter.kernel.ReplacementOptions;
import org.dflib.jjava.jupyter.kernel.comm.CommManager;
import org.dflib.jjava.jupyter.kernel.display.DisplayData;
import org.dflib.jjava.jupyter.kernel.display.Renderer;
import org.dflib.jjava.jupyter.kernel.util.StringStyler;

/**
 * A small Jupyter kernel without the Jupyter protocol: a {@link JShell} that runs one notebook's
 * cells in order, built on JJava's own {@link BaseKernel}, so that {@code display(x)} and
 * {@code render(x)} in a cell (JJava's {@code BaseNotebookStatics}, imported as in JJava) and the value
 * of a cell's last expression go through jjava-jupyter's {@link Renderer}, with the renderers that
 * extensions register: the kernel installs the {@code Extension}s it finds in each jar a cell adds
 * with {@code %classpath}, as JJava does.
 *
 * <p>Stricter than JJava where IJava is, so that a notebook that passes here passes in both: the
 * default imports are the ones both kernels make (not {@code java.time}), and a snippet that
 * mentions a type not yet declared is an error.
 */
final class NotebookKernel extends BaseKernel implements AutoCloseable {

    /** What both JJava and IJava import before the first cell (JJava adds java.time.*, IJava does not). */
    static final String COMMON_IMPORTS = String.join("\n",
            "import java.util.*;", "import java.io.*;", "import java.math.*;", "import java.net.*;",
            "import java.util.concurrent.*;", "import java.util.prefs.*;", "import java.util.regex.*;",
            "import static org.dflib.jjava.jupyter.kernel.BaseNotebookStatics.*;");

    private final Path directory;
    private final SnippetClassLoader loader = new SnippetClassLoader();
    private final ValueKeepingControl control = new ValueKeepingControl(loader);
    private final JShell shell;
    private final Gson gson = new Gson();

    private List<JsonObject> outputs = new ArrayList<>();
    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();

    /**
     * A kernel for the notebook in {@code directory} (relative {@code %classpath} entries resolve
     * against it, as the real kernels resolve them against their working directory, the notebook's).
     *
     * @param compilerOptions extra javac options for every cell, e.g. the Vector API's --add-modules
     */
    NotebookKernel(Path directory, List<String> compilerOptions) {
        super("attentionlab-notebook-runner", "1", null, List.of(), null, new JupyterIO(StandardCharsets.UTF_8),
                new CommManager(), new Renderer(), null, null, true, new StringStyler.Builder().build());
        this.directory = directory.toAbsolutePath();
        this.shell = JShell.builder()
                .executionEngine(ValueKeepingControl.provider(control), null)
                .compilerOptions(compilerOptions.toArray(String[]::new))
                .build();
        // The compiler sees the runner's class path (jjava-jupyter, for BaseNotebookStatics); the loader
        // already has it as its parent.
        shell.addToClasspath(System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")));
        onStartup();                          // makes this the notebook kernel that display() finds
        run(COMMON_IMPORTS, "the default imports");
    }

    @Override
    protected ClassLoader getClassLoader() {
        return loader.classLoader();
    }

    /** Where {@code BaseNotebookStatics.display} and the kernel send display data: the current cell's outputs. */
    @Override
    public void display(DisplayData data) {
        flushPrinted();
        JsonObject output = new JsonObject();
        output.addProperty("output_type", "display_data");
        JsonObject json = gson.toJsonTree(data).getAsJsonObject();
        output.add("data", json.get("data"));
        output.add("metadata", json.has("metadata") ? json.get("metadata") : new JsonObject());
        outputs.add(output);
    }

    /**
     * Runs one cell: its {@code %classpath} / {@code %jars} lines, then its Java snippets in order.
     *
     * @param executionCount the number Jupyter shows beside the cell
     * @return the cell's outputs in nbformat 4 form (streams, display data, the last value)
     * @throws CellRun.Failed if a snippet does not compile, throws, or a magic is not known
     */
    CellRun execute(String source, int executionCount) {
        outputs = new ArrayList<>();
        printed.reset();
        PrintStream out = System.out;
        PrintStream capture = new PrintStream(printed, true, StandardCharsets.UTF_8);
        System.setOut(capture);
        // As in JJava, the cells' loader is the context class loader: ServiceLoader look-ups in a cell
        // (Kernels.discover()) find the plugins in the jars %classpath added.
        Thread thread = Thread.currentThread();
        ClassLoader context = thread.getContextClassLoader();
        thread.setContextClassLoader(loader.classLoader());
        try {
            StringBuilder code = new StringBuilder();
            Result last = Result.NOTHING;
            boolean statements = false;
            for (String line : source.split("\n", -1)) {
                if (line.startsWith("%")) {
                    Result before = run(code.toString(), null);
                    last = before.ran() ? before : last;
                    statements |= before.statements();
                    code.setLength(0);
                    magic(line.substring(1).trim());
                    statements = true; // a magic is an action; it is allowed to show nothing
                } else {
                    code.append(line).append('\n');
                }
            }
            Result rest = run(code.toString(), null);
            last = rest.ran() ? rest : last;
            statements |= rest.statements();
            if (last.value() != null) {
                flushPrinted();
                JsonObject result = new JsonObject();
                result.addProperty("output_type", "execute_result");
                result.addProperty("execution_count", executionCount);
                JsonObject json = gson.toJsonTree(getRenderer().render(last.value())).getAsJsonObject();
                result.add("data", json.get("data"));
                result.add("metadata", new JsonObject());
                outputs.add(result);
            }
            flushPrinted();
            return new CellRun(List.copyOf(outputs), statements, last.source());
        } finally {
            System.out.flush();
            System.setOut(out);
            thread.setContextClassLoader(context);
        }
    }

    /** The value of the last snippet that ran, whether any snippet was more than a declaration. */
    private record Result(boolean ran, Object value, boolean statements, String source) {
        static final Result NOTHING = new Result(false, null, false, "");
    }

    private Result run(String code, String what) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        Result last = Result.NOTHING;
        boolean statements = false;
        String remaining = code;
        while (!remaining.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                throw new CellRun.Failed("incomplete code: " + remaining.strip());
            }
            last = evalOne(info.source());
            statements |= last.statements();
            remaining = info.remaining();
        }
        return new Result(last.ran(), last.value(), statements, last.source());
    }

    private Result evalOne(String source) {
        List<SnippetEvent> events = shell.eval(source);
        Object value = null;
        boolean statement = false;
        for (SnippetEvent event : events) {
            if (event.causeSnippet() != null) {
                continue;
            }
            Snippet snippet = event.snippet();
            JShellException thrown = event.exception();
            if (thrown != null) {
                String type = thrown instanceof EvalException e ? e.getExceptionClassName() : thrown.getClass().getName();
                throw new CellRun.Failed(type + ": " + thrown.getMessage() + "\n  in: " + source.strip(), thrown);
            }
            if (event.status() == Snippet.Status.REJECTED) {
                String diagnostics = shell.diagnostics(snippet)
                        .filter(Diag::isError)
                        .map(d -> d.getMessage(null) + " (at: " + excerpt(snippet.source(), d) + ")")
                        .collect(Collectors.joining("; "));
                throw new CellRun.Failed("does not compile: " + diagnostics + "\n  in: " + source.strip());
            }
            if (snippet instanceof jdk.jshell.DeclarationSnippet declaration
                    && shell.unresolvedDependencies(declaration).findAny().isPresent()) {
                throw new CellRun.Failed("mentions " + shell.unresolvedDependencies(declaration).toList()
                        + " before it is declared (IJava rejects that; declare it in an earlier cell)\n  in: " + source.strip());
            }
            // A variable declaration counts as a declaration: its value is not shown, and JShell reports
            // it as a string, not through the control. An expression or statement is shown if it has a value.
            Snippet.SubKind kind = snippet.subKind();
            boolean expression = kind == Snippet.SubKind.VAR_VALUE_SUBKIND   // a variable's name alone
                    || kind == Snippet.SubKind.OTHER_EXPRESSION_SUBKIND
                    || kind == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND;
            statement |= expression || (kind.isExecutable() && kind.kind() != Snippet.Kind.VAR);
            if (expression && event.value() != null) {
                value = control.take(event.value());
            }
        }
        return new Result(true, value, statement, source.strip());
    }

    private static String excerpt(String source, Diag d) {
        int from = (int) Math.max(0, d.getStartPosition());
        int to = (int) Math.min(source.length(), Math.max(from, d.getEndPosition()));
        return source.substring(from, to);
    }

    /** {@code %classpath a b ...} and the deprecated {@code %jars}, relative to the notebook's directory. */
    private void magic(String line) {
        String[] words = line.split("\\s+");
        if (!words[0].equals("classpath") && !words[0].equals("jars")) {
            throw new CellRun.Failed("the runner knows %classpath and %jars, not %" + words[0]);
        }
        List<String> paths = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            Path path = directory.resolve(words[i]).normalize();
            if (!Files.exists(path)) {
                throw new CellRun.Failed("%" + words[0] + ": " + path + " does not exist; build it with "
                        + "./mvnw -B -q package -pl jupyter -am -DskipTests");
            }
            paths.add(path.toString());
        }
        String classpath = String.join(File.pathSeparator, paths);
        shell.addToClasspath(classpath);
        installExtensions(classpath);   // BaseKernel's: ServiceLoader over the jars, parent = the cells' loader
    }

    private void flushPrinted() {
        System.out.flush();
        if (printed.size() == 0) {
            return;
        }
        JsonObject stream = new JsonObject();
        stream.addProperty("output_type", "stream");
        stream.addProperty("name", "stdout");
        stream.addProperty("text", printed.toString(StandardCharsets.UTF_8));
        outputs.add(stream);
        printed.reset();
    }

    @Override
    public Object evalRaw(String source) {
        return run(source, null).value();
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        return null;
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        return null;
    }

    @Override
    public String isComplete(String code) {
        return IS_COMPLETE_MAYBE;
    }

    @Override
    public void close() {
        onShutdown(false);
        shell.close();
    }
}
