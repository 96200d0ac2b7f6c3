package org.attentionlab.jupyter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one type is shown in a notebook, independent of the kernel: the MIME types it is shown as,
 * best first, and for each a function that makes the data, called only when the kernel asks for
 * that type. Where {@code text/plain} is not listed, both kernels add {@code String.valueOf(value)}
 * to the output themselves; a rendering lists it to give a shorter one.
 *
 * @param type the values this applies to (and their subclasses)
 * @param data per MIME type, the preferred one first, the data of a value (a String: HTML, text, or base64 for images)
 * @param <T>  the type shown
 */
public record Rendering<T>(Class<T> type, Map<String, Function<T, String>> data) {

    public Rendering {
        Objects.requireNonNull(type, "type");
        if (data.isEmpty()) {
            throw new IllegalArgumentException("Rendering of " + type.getName() + ": no MIME type");
        }
        data = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(data));   // keeps the order given
    }

    /** A rendering as one MIME type. */
    public static <T> Rendering<T> of(Class<T> type, String mimeType, Function<T, String> data) {
        return new Rendering<>(type, Map.of(mimeType, data));
    }

    /** A rendering as two MIME types, {@code first} preferred. */
    public static <T> Rendering<T> of(Class<T> type, String first, Function<T, String> firstData,
                                      String second, Function<T, String> secondData) {
        Map<String, Function<T, String>> data = new LinkedHashMap<>();
        data.put(first, firstData);
        data.put(second, secondData);
        return new Rendering<>(type, data);
    }

    /** The MIME types, the preferred one first. */
    public List<String> mimeTypes() {
        return List.copyOf(data.keySet());
    }

    /** The data of {@code value} for one MIME type. */
    String dataFor(Object value, String mimeType) {
        return data.get(mimeType).apply(type.cast(value));
    }
}
