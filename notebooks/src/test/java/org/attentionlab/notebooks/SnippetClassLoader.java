package org.attentionlab.notebooks;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControl.ClassBytecodes;
import jdk.jshell.execution.LoaderDelegate;

/**
 * Where the cells' classes live, as in JJava's {@code JJavaLoaderDelegate}: the classes JShell
 * compiles from the cells, and the jars {@code %classpath} adds, in one class loader whose parent is
 * the runner's (which holds the kernel API, jjava-jupyter). Kept so that the kernel can look for
 * extensions in it.
 */
final class SnippetClassLoader implements LoaderDelegate {

    private final Map<String, byte[]> declared = new ConcurrentHashMap<>();
    private final Map<String, Class<?>> loaded = new ConcurrentHashMap<>();
    private final Loader loader = new Loader();

    private final class Loader extends URLClassLoader {
        Loader() {
            super(new URL[0], SnippetClassLoader.class.getClassLoader());
        }

        void add(URL url) {
            addURL(url);
        }

        @Override
        protected Class<?> findClass(String name) throws ClassNotFoundException {
            byte[] bytes = declared.get(name);
            return bytes == null ? super.findClass(name) : defineClass(name, bytes, 0, bytes.length);
        }
    }

    ClassLoader classLoader() {
        return loader;
    }

    @Override
    public void load(ClassBytecodes[] classes) throws ExecutionControl.ClassInstallException {
        for (ClassBytecodes c : classes) {
            declared.put(c.name(), c.bytecodes()); // all first: one may need another of the same batch
        }
        boolean[] installed = new boolean[classes.length];
        for (int i = 0; i < classes.length; i++) {
            try {
                loaded.put(classes[i].name(), loader.loadClass(classes[i].name()));
                installed[i] = true;
            } catch (ClassNotFoundException | LinkageError e) {
                throw new ExecutionControl.ClassInstallException("cannot load " + classes[i].name() + ": " + e, installed);
            }
        }
    }

    @Override
    public void classesRedefined(ClassBytecodes[] classes) {
        for (ClassBytecodes c : classes) {
            declared.put(c.name(), c.bytecodes());
        }
    }

    @Override
    public void addToClasspath(String path) throws ExecutionControl.InternalException {
        for (String part : path.split(java.io.File.pathSeparator)) {
            try {
                loader.add(Path.of(part).toUri().toURL());
            } catch (MalformedURLException e) {
                throw new ExecutionControl.InternalException("bad class path entry " + part + ": " + e.getMessage());
            }
        }
    }

    @Override
    public Class<?> findClass(String name) throws ClassNotFoundException {
        Class<?> c = loaded.get(name);
        if (c == null) {
            throw new ClassNotFoundException(name + " was not loaded by a cell");
        }
        return c;
    }
}
