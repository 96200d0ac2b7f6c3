package org.attentionlab.testkit;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.attentionlab.api.AttentionLayer;
import org.attentionlab.api.AttentionResult;
import org.attentionlab.api.Mask;
import org.attentionlab.api.Tensor;
import org.attentionlab.testkit.LayerCase.Pairing;
import org.attentionlab.testkit.SoftmaxCase.MaskKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The clauses of the {@link AttentionLayer} contract that are not about what attention computes:
 * repeated and concurrent calls agree, inputs that do not fit are rejected with an
 * {@link IllegalArgumentException} naming the layer ({@link #layerName()}) and the shapes, and
 * {@code null} is rejected with a {@link NullPointerException}.
 */
public interface AttentionLayerGeneralLaws extends AttentionLayerUnderTest {

    /**
     * The same call gives the same result (within float rounding), called again or from
     * 8 threads at the same moment, each with its own shapes and mask (so a
     * layer that keeps per-call state in a field is caught). Only calls that succeed and repeat on
     * one thread take part in the concurrent run; the others are named, and the law is then
     * reported as skipped rather than blaming threads for a bug that has none.
     */
    @Test
    default void forwardIsDeterministicAndThreadSafe() throws InterruptedException {
        AttentionLayer layer = layer();
        List<Concurrently.Call<AttentionResult>> calls = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        for (int t = 0; t < Budget.THREADS; t++) {
            LayerCase c = new LayerCase(1 + t % 3, 4 + t, 11 - t, t % 2 == 0 ? MaskKind.KEY_PADDING : MaskKind.RANDOM,
                    Pairing.ANY, 1, t);
            LayerCase.QueryKeyValue x = c.inputs(this);
            Mask mask = c.mask();
            AttentionResult first;
            try {
                first = x.forward(layer, mask);
            } catch (RuntimeException e) {
                leftOut.add(c + " (throws on one thread: " + e + ")");
                continue;
            }
            Agreement.assertResultAgreesUpToRounding("of a repeated call (" + c + ")", x.forward(layer, mask),
                    first.output(), first.weights());
            calls.add(new Concurrently.Call<>("forward of " + c, "the other laws", () -> x.forward(layer, mask),
                    result -> Agreement.assertResultAgreesUpToRounding("of a concurrent call", result, first.output(),
                            first.weights())));
        }
        Concurrently.assertAgreeAtOnce(calls, leftOut);
    }

    /**
     * Keys and values of different lengths ({@code Tk} and {@code valueLength}) are rejected; the
     * message names the layer and both shapes.
     */
    @ParameterizedTest(name = "B={0} Tk={1}, values of length {2}")
    @CsvSource({"1, 3, 2", "1, 3, 4", "2, 5, 4", "3, 1, 2", "2, 7, 6"})
    default void mismatchedKeyAndValueLengthsAreRejected(int batch, int tk, int valueLength) {
        AttentionLayer layer = layer();
        Tensor query = input(1, batch, 4);
        Tensor key = input(2, batch, tk);
        Tensor value = input(3, batch, valueLength);
        Rejections.assertRejected("key " + LayerCase.shape(key) + ", value " + LayerCase.shape(value),
                () -> layer.forward(query, key, value, Mask.none()), layerName(), LayerCase.shape(key), LayerCase.shape(value));
    }

    /**
     * No queries ({@code Tq = 0}) or no keys ({@code Tk = 0}): rejected, naming the layer and the
     * empty input's shape.
     */
    @ParameterizedTest(name = "empty {0}, B={1}")
    @CsvSource({"query, 1", "query, 2", "key and value, 1", "key and value, 2", "self-attention input, 1"})
    default void emptySequencesAreRejected(String empty, int batch) {
        AttentionLayer layer = layer();
        Tensor none = input(batch, batch, 0);
        Tensor some = input(batch + 10, batch, 1 + batch);
        Executable call = switch (empty) {
            case "query" -> () -> layer.forward(none, some, some, Mask.none());
            case "key and value" -> () -> layer.forward(some, none, none, Mask.none());
            default -> () -> layer.selfAttention(none, Mask.none());
        };
        Rejections.assertRejected("empty " + empty + " " + LayerCase.shape(none), call, layerName(), LayerCase.shape(none));
    }

    /**
     * Masks that do not fit the scores {@code [B, ..., Tq, Tk]} are rejected, naming the layer and
     * the query's and key's shapes: a causal mask with {@code Tq ≠ Tk}, key padding with a length
     * per batch entry too many or a length beyond {@code Tk}, and mask matrices of the wrong size.
     */
    @ParameterizedTest(name = "{0}, B={1} Tq={2} Tk={3}")
    @CsvSource({"causal, 2, 3, 5", "causal, 1, 4, 1", "a key-padding length too many, 2, 3, 3",
            "a key-padding length beyond Tk, 3, 2, 4", "a mask matrix with a query too many, 1, 3, 2",
            "a mask matrix per batch entry one too many, 2, 2, 3"})
    default void illFittingMasksAreRejected(String mask, int batch, int tq, int tk) {
        AttentionLayer layer = layer();
        Tensor query = input(1, batch, tq);
        Tensor key = input(2, batch, tk);
        Tensor value = input(3, batch, tk);
        Mask illFitting = switch (mask) {
            case "causal" -> Mask.causal();
            case "a key-padding length too many" -> Mask.keyPadding(IntStream.range(0, batch + 1).map(b -> 1).toArray());
            case "a key-padding length beyond Tk" -> Mask.keyPadding(Arrays.copyOf(new int[] {tk + 1}, batch));
            case "a mask matrix with a query too many" -> Mask.of(new boolean[tq + 1][tk]);
            default -> Mask.of(new boolean[batch + 1][tq][tk]);
        };
        Rejections.assertRejected(illFitting + " for query " + LayerCase.shape(query) + ", key " + LayerCase.shape(key),
                () -> layer.forward(query, key, value, illFitting), layerName(), LayerCase.shape(query), LayerCase.shape(key));
    }

    /**
     * No argument may be null ("no mask" is {@link Mask#none()}): {@link NullPointerException}, also
     * through the default methods.
     */
    @Test
    default void nullArgumentsAreRejected() {
        AttentionLayer layer = layer();
        Tensor x = input(1, 1, 2);
        Mask none = Mask.none();
        assertThrows(NullPointerException.class, () -> layer.forward(null, x, x, none), "query null");
        assertThrows(NullPointerException.class, () -> layer.forward(x, null, x, none), "key null");
        assertThrows(NullPointerException.class, () -> layer.forward(x, x, null, none), "value null");
        assertThrows(NullPointerException.class, () -> layer.forward(x, x, x, null), "mask null");
        assertThrows(NullPointerException.class, () -> layer.forward(null, x, x), "query null, no mask");
        assertThrows(NullPointerException.class, () -> layer.selfAttention(null, none), "x null");
        assertThrows(NullPointerException.class, () -> layer.selfAttention(x, null), "mask null in selfAttention");
    }
}
