package org.attentionlab.jupyter;

import java.util.Arrays;
import org.attentionlab.attention.AttentionSteps;
import org.attentionlab.attention.AttentionTrace;
import org.attentionlab.text.SentenceTrace;

/**
 * The {@code text/plain} beside a trace's picture or table: what it is and its shapes in one or two
 * lines, where the records' own {@code toString} would print every tensor.
 */
final class TraceText {

    private TraceText() {
    }

    /** For example {@code AttentionTrace: H = 2 heads, query [1, 11, 16], key [1, 11, 16], weights [1, 2, 11, 11], output [1, 11, 16]}. */
    static String of(AttentionTrace trace) {
        return "AttentionTrace: H = " + trace.numHeads() + " heads, query " + Arrays.toString(trace.query().shape())
                + ", key " + Arrays.toString(trace.key().shape())
                + ", weights " + Arrays.toString(trace.heads().weights().shape())
                + ", output " + Arrays.toString(trace.output().shape());
    }

    /** The tokens, then the layer's trace. */
    static String of(SentenceTrace sentence) {
        return "SentenceTrace of " + sentence.tokens().size() + " tokens " + sentence.tokens()
                + (sentence.positions().isPresent() ? ", with positions" : ", no positions") + "\n" + of(sentence.attention());
    }

    /** The shapes of the steps and the scale. */
    static String of(AttentionSteps steps) {
        return "AttentionSteps: query " + Arrays.toString(steps.query().shape()) + ", key " + Arrays.toString(steps.key().shape())
                + ", scale " + steps.scale() + ", weights " + Arrays.toString(steps.weights().shape())
                + ", output " + Arrays.toString(steps.output().shape());
    }
}
