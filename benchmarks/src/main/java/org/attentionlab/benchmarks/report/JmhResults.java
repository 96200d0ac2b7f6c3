package org.attentionlab.benchmarks.report;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/** Reads JMH's JSON result files ({@code -rf json}): an array with one object per benchmark and parameter set. */
public final class JmhResults {

    private JmhResults() {
    }

    /** Every result in every {@code *.json} file of {@code folder}, in file-name order. */
    public static List<Result> readFolder(Path folder) throws IOException {
        List<Result> results = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                results.addAll(read(file));
            }
        }
        return results;
    }

    /** The results in one file; an empty file (a run where nothing succeeded) has none. */
    public static List<Result> read(Path file) throws IOException {
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            JsonElement root = JsonParser.parseReader(in);
            List<Result> results = new ArrayList<>();
            if (root.isJsonArray()) {
                root.getAsJsonArray().forEach(element -> results.add(result(element.getAsJsonObject())));
            }
            return results;
        }
    }

    private static Result result(JsonObject json) {
        String benchmark = json.get("benchmark").getAsString(); // org.attentionlab.benchmarks.Lesson01_Matmul.matmul
        String method = benchmark.substring(benchmark.lastIndexOf('.') + 1);
        String owner = benchmark.substring(0, benchmark.lastIndexOf('.'));
        String className = owner.substring(owner.lastIndexOf('.') + 1);
        Map<String, String> params = new LinkedHashMap<>();
        if (json.has("params")) {
            json.getAsJsonObject("params").entrySet().forEach(e -> params.put(e.getKey(), e.getValue().getAsString()));
        }
        JsonObject primary = json.getAsJsonObject("primaryMetric");
        double median = primary.getAsJsonObject("scorePercentiles").get("50.0").getAsDouble();
        double millis = median * millisPer(primary.get("scoreUnit").getAsString());
        OptionalDouble bytes = OptionalDouble.empty();
        JsonObject secondary = json.getAsJsonObject("secondaryMetrics");
        if (secondary != null && secondary.has("gc.alloc.rate.norm")) {
            bytes = OptionalDouble.of(secondary.getAsJsonObject("gc.alloc.rate.norm").get("score").getAsDouble());
        }
        String jdk = json.has("jdkVersion") ? json.get("jdkVersion").getAsString() + ", "
                + json.get("vmName").getAsString() : "unknown";
        return new Result(className, method, params, millis, bytes, jdk);
    }

    /** Milliseconds in one unit of a time-per-call score such as {@code ms/op}. */
    static double millisPer(String unit) {
        return switch (unit) {
            case "ns/op" -> 1e-6;
            case "us/op" -> 1e-3;
            case "ms/op" -> 1;
            case "s/op" -> 1e3;
            default -> throw new IllegalArgumentException("the report reads times per call (avgt, ss), not " + unit);
        };
    }
}
