package org.attentionlab.benchmarks.suite;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One JMH run of the short suite: the benchmarks a regular expression selects, the parameter
 * values to cross, and how it must be started.
 *
 * @param name        file name of its results ({@code name.json}) and log ({@code name.log})
 * @param description one line for the console
 * @param include     JMH's benchmark selector (a regular expression on the full name)
 * @param params      parameter name to the values to measure
 * @param gcProfiler  whether to add JMH's allocation profiler ({@code -prof gc})
 * @param environment variables to set for this run's JVMs (e.g. {@code OPENBLAS_CORETYPE}); a run
 *                    that sets any is started as a separate JMH process, since a running JVM
 *                    cannot change its own environment and JMH's forks inherit it
 */
record SuitePart(String name, String description, String include, Map<String, List<String>> params,
                 boolean gcProfiler, Map<String, String> environment) {

    SuitePart {
        params = new LinkedHashMap<>(params);
        environment = Map.copyOf(environment);
    }

    static SuitePart of(String name, String description, String include, Map<String, List<String>> params) {
        return new SuitePart(name, description, include, params, false, Map.of());
    }

    SuitePart withGcProfiler() {
        return new SuitePart(name, description, include, params, true, environment);
    }

    SuitePart withEnvironment(String variable, String value) {
        return new SuitePart(name, description, include, params, gcProfiler, Map.of(variable, value));
    }
}
