package org.attentionlab.jupyter;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * How one type is shown in a notebook, independent of the kernel: the MIME types it is shown as,
 * best first, and the data for each. {@code text/plain} is not listed: both kernels add
 * {@code String.valueOf(value)} to every output themselves.
 *
 * @param type      the values this applies to (and their subclasses)
 * @param mimeTypes the MIME types {@code data} produces, the preferred one first
 * @param data      for a value, its data per MIME type (a String: HTML, or base64 for images)
 * @param <T>       the type shown
 */
public record Rendering<T>(Class<T> type, List<String> mimeTypes, Function<T, Map<String, String>> data) {

    public Rendering {
        Objects.requireNonNull(type, "type");
        mimeTypes = List.copyOf(mimeTypes);
        Objects.requireNonNull(data, "data");
    }

    /** The data of {@code value} for one MIME type. */
    String dataFor(Object value, String mimeType) {
        return data.apply(type.cast(value)).get(mimeType);
    }
}
