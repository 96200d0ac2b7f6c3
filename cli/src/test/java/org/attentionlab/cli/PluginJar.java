package org.attentionlab.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.attentionlab.api.Kernel;
import org.attentionlab.kernels.naive.NaiveKernel;

/**
 * A kernel plugin jar as a user would write one, compiled here so that its class is on no class
 * path but the jar's: kernel {@value #ID}, the naive kernel's arithmetic under another id.
 */
final class PluginJar {

    static final String ID = "tiny";
    static final String CLASS = "org.example.tiny.TinyKernel";
    private static final String SOURCE = """
            package org.example.tiny;

            import org.attentionlab.api.Kernel;
            import org.attentionlab.api.Mask;
            import org.attentionlab.api.RightOperand;
            import org.attentionlab.api.Tensor;
            import org.attentionlab.kernels.naive.NaiveKernel;

            public final class TinyKernel implements Kernel {
                private final Kernel reference = new NaiveKernel();
                public String id() { return "tiny"; }
                public int priority() { return -1; }
                public String description() { return "a user's plugin: the naive kernel under another id"; }
                public Tensor matmul(Tensor left, Tensor right, RightOperand operand) {
                    return reference.matmul(left, right, operand);
                }
                public Tensor softmax(Tensor scores, float scale, Mask mask) { return reference.softmax(scores, scale, mask); }
            }
            """;

    private PluginJar() {
    }

    /** Compiles the plugin and writes {@code dir/tiny-kernel.jar} with its services file. */
    static Path build(Path dir) throws IOException {
        Path source = dir.resolve("src/org/example/tiny/TinyKernel.java");
        Path classes = dir.resolve("classes");
        Files.createDirectories(source.getParent());
        Files.createDirectories(classes);
        Files.writeString(source, SOURCE);
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        String classPath = Stream.of(Kernel.class, NaiveKernel.class).map(PluginJar::location)
                .collect(Collectors.joining(java.io.File.pathSeparator));
        int status = javac.run(null, null, null, "--release", "17", "-d", classes.toString(), "-cp", classPath,
                source.toString());
        if (status != 0) {
            throw new AssertionError("javac failed with " + status);
        }
        Path jar = dir.resolve("tiny-kernel.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "META-INF/services/" + Kernel.class.getName(), (CLASS + "\n").getBytes(StandardCharsets.UTF_8));
            String path = CLASS.replace('.', '/') + ".class";
            add(out, path, Files.readAllBytes(classes.resolve(path)));
        }
        return jar;
    }

    /** A directory whose services file names a class that is not there: a plugin that fails to load. */
    static Path broken(Path dir) throws IOException {
        Path services = dir.resolve("META-INF/services/" + Kernel.class.getName());
        Files.createDirectories(services.getParent());
        Files.writeString(services, "org.example.MissingKernel\n");
        return dir;
    }

    private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
        jar.putNextEntry(new JarEntry(name));
        OutputStream out = jar;
        out.write(bytes);
        jar.closeEntry();
    }

    private static String location(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The lines of a listing that name the plugin's class. */
    static List<String> mentions(String listing) {
        return listing.lines().filter(line -> line.contains(CLASS)).toList();
    }
}
