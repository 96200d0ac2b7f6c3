package org.attentionlab.notebooks;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * Runs the cells in this JVM and keeps the value of each expression as an object, not only as the
 * string JShell reports, so that it can be rendered (JJava's {@code JJavaExecutionControl} does the
 * same): the string JShell gets back is a key for {@link #take}.
 */
final class ValueKeepingControl extends DirectExecutionControl {

    private final Map<String, Object> values = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();

    ValueKeepingControl(SnippetClassLoader loader) {
        super(loader);
    }

    @Override
    protected String invoke(Method doit) throws Exception {
        Object value;
        try {
            value = doit.invoke(null);
        } catch (InvocationTargetException e) {
            throw e; // DirectExecutionControl turns it into the user's exception
        }
        String key = "value-" + keys.incrementAndGet();
        values.put(key, value == null ? NULL : value);
        return key;
    }

    private static final Object NULL = new Object();

    /** The value stored under {@code key} (null for a null value), removed. */
    Object take(String key) {
        Object value = values.remove(Objects.requireNonNull(key));
        return value == NULL ? null : value;
    }

    /** The JShell engine: this control on the given loader. */
    static ExecutionControlProvider provider(ValueKeepingControl control) {
        return new ExecutionControlProvider() {
            @Override
            public String name() {
                return "attentionlab-notebook";
            }

            @Override
            public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
                return control;
            }
        };
    }
}
