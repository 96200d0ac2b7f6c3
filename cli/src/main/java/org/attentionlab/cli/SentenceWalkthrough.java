package org.attentionlab.cli;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Steps 1 to 6 of the tour: one sentence from words to the multi-head output, each intermediate
 * printed as a labelled table with its shape in the README's vocabulary ({@code [T, D]},
 * {@code [T, Dk]}, {@code [Tq, Tk]}).
 */
final class SentenceWalkthrough {

    private final SentenceAttention s;
    private final TourPage out;
    private final List<String> words;      // the tokens as the terminal shows them: escaped, never raw controls
    private final List<String> rowLabels;  // "0 the", "1 animal", ...: repeated words stay apart
    private final int t;
    private final int d;
    private final int dk;
    private final int heads;

    SentenceWalkthrough(SentenceAttention sentence, TourPage out) {
        this.s = sentence;
        this.out = out;
        this.words = sentence.tokens().stream().map(TerminalText::visible).toList();
        this.t = sentence.tokens().size();
        this.d = sentence.layer().dModel();
        this.dk = sentence.layer().headDim();
        this.heads = sentence.layer().numHeads();
        int digits = String.valueOf(t - 1).length();
        this.rowLabels = IntStream.range(0, t)
                .mapToObj(i -> String.format(Locale.ROOT, "%" + digits + "d %s", i, LabelledTable.cut(words.get(i))))
                .collect(Collectors.toList());
    }

    void print() {
        tokens();
        embeddings();
        queriesKeysValues();
        scores();
        weights();
        output();
    }

    private void tokens() {
        out.title(1, "Words → tokens → ids");
        say("WhitespaceTokenizer lower-cases the sentence and splits it at white space; the Vocabulary"
                + " numbers each distinct word in order of first appearance (id 0 is <unk>, for unknown words).");
        List<String> positions = IntStream.range(0, t).mapToObj(String::valueOf).collect(Collectors.toList());
        int[] ids = s.ids();
        table(LabelledTable.cells("position", List.of("token", "id"), positions,
                (row, column) -> row == 0 ? LabelledTable.cut(words.get(column)) : String.valueOf(ids[column])));
        int distinct = s.vocabulary().size() - 1;
        say("T = " + t + (t == 1 ? " token, " : " tokens, ") + distinct + (distinct == 1 ? " distinct word." : " distinct words."));
    }

    private void embeddings() {
        out.title(2, "Embeddings  x: " + shape("T", t, "D", d));
        say("Each id picks one row of a random embedding table " + shape("V", s.vocabulary().size(), "D", d)
                + " (seeded, untrained). A word gets the same vector wherever it stands and whatever its neighbours"
                + repeatedWord().map(pair -> " (see rows " + pair[0] + " and " + pair[1] + ").").orElse("."));
        table(LabelledTable.numbers(rowLabels, columns("d", d), s.embeddings().toMatrix(), 4));
    }

    private void queriesKeysValues() {
        out.title(3, "Queries, keys and values of head " + SentenceAttention.HEAD);
        say("Each of the H = " + heads + " heads has its own projections W_Q^0, W_K^0, W_V^0, each "
                + shape("D", d, "Dk", dk) + " (Dk = D / H):");
        say("  Q = x·W_Q^0   what each word is looking for");
        say("  K = x·W_K^0   what each word offers, to be matched against the queries");
        say("  V = x·W_V^0   what each word passes on to the words that attend to it");
        out.blank();
        say("Q = x·W_Q^0: " + shape("T", t, "Dk", dk));
        table(LabelledTable.numbers(rowLabels, columns("q", dk), s.queries().toMatrix(), 4));
        out.blank();
        say("K = x·W_K^0: " + shape("T", t, "Dk", dk));
        table(LabelledTable.numbers(rowLabels, columns("k", dk), s.keys().toMatrix(), 4));
        out.blank();
        say("V = x·W_V^0: " + shape("T", t, "Dk", dk));
        table(LabelledTable.numbers(rowLabels, columns("v", dk), s.values().toMatrix(), 4));
    }

    private void scores() {
        out.title(4, "Scores of head 0  S = Q·Kᵀ / √d_k: " + shape("Tq", t, "Tk", t));
        say("Row i is a query word, column j a key word: S[i, j] = q_i·k_j / √" + dk + " says how well"
                + " word i's query matches word j's key.");
        say(String.format(Locale.ROOT, "Dividing by √d_k = %.3f keeps the scores from growing with the width d_k.",
                Math.sqrt(dk)));
        say("There is one score for every pair of words: T·T = " + t * t + " here. Twice the words means four"
                + " times the scores, the work and the memory: this is why attention's cost grows with the square of T.");
        table(LabelledTable.numbers(rowLabels, words, s.scores().toMatrix(), 3));
    }

    private void weights() {
        out.title(5, "Attention weights of head 0  A = softmax(S): " + shape("Tq", t, "Tk", t));
        say("softmax turns each row of scores into weights ≥ 0 that sum to 1:"
                + " A[i, j] is how much query word i attends to key word j.");
        float[][] weights = s.weights().toMatrix();
        table(LabelledTable.numbers(rowLabels, words, weights, 3));
        say("The same weights as a heatmap, more filled = more attention:");
        TerminalHeatmap heatmap = new TerminalHeatmap(weights);
        table(heatmap.render(rowLabels, words));
        heatmap.legend().forEach(this::say);
        out.blank();

        int query = s.focus();
        int key = s.strongestKey(query);
        String who = s.tokens().get(query).equals("it")
                ? quoted(query)
                : "The sentence has no \"it\"; its last word " + quoted(query);
        if (t == 1) {
            say(who + " is the only word, so it attends only to itself, with weight "
                    + String.format(Locale.ROOT, "%.3f.", weights[query][key]));
        } else if (spread(weights[query]) < 1e-6) {
            say(who + " attends equally to all " + t + " words,"
                    + String.format(Locale.ROOT, " with weight %.3f each: its scores are all the same.", weights[query][key]));
        } else {
            say(who + " attends most to " + quoted(key) + ","
                    + String.format(Locale.ROOT, " with weight %.3f (attending equally to all %d words would give each"
                    + " 1/%d = %.3f).", weights[query][key], t, t, 1.0 / t));
        }
        say("These weights come from random matrices. A trained model learns which words to link (such as"
                + " \"it\" to what it refers to); this one has learned nothing, so which word wins is chance, not meaning.");
    }

    /** Largest minus smallest entry of a row. */
    private static float spread(float[] row) {
        float max = Float.NEGATIVE_INFINITY;
        float min = Float.POSITIVE_INFINITY;
        for (float w : row) {
            max = Math.max(max, w);
            min = Math.min(min, w);
        }
        return max - min;
    }

    private void output() {
        out.title(6, "Output of the multi-head layer: " + shape("T", t, "D", d));
        int query = s.focus();
        say("In every head, each output row is a weighted sum of the value rows, with that query's weights."
                + " For example, head 0 for the query " + quoted(query) + ", where V[j] is row j of V from step 3:");
        say("  " + weightedSum(query), 4);
        say("  = " + vector(s.headOutput().toMatrix()[query]), 5);
        say("The layer does this in each of its H = " + heads + " heads at once, puts their outputs side by side"
                + " ([T, H·Dk] = [T, " + heads + "·" + dk + "] = [T, " + d + "]) and multiplies by W_O " + shape("D", d, "D", d) + ":");
        table(LabelledTable.numbers(rowLabels, columns("d", d), s.output().toMatrix(), 4));
        say("Each word's vector now mixes in the words it attended to, so it depends on its context.");
        repeatedWord().ifPresent(this::sameVectorForRepeatedWord);
    }

    /** e.g. {@code 0.213·V[4 the] + 0.150·V[1 animal] + … (8 more terms)}, largest weights first. */
    private String weightedSum(int query) {
        float[] row = s.weights().toMatrix()[query];
        List<Integer> order = IntStream.range(0, t).boxed()
                .sorted(Comparator.comparingDouble((Integer j) -> row[j]).reversed()).collect(Collectors.toList());
        int shown = Math.min(3, t);
        List<String> terms = new ArrayList<>();
        for (int j : order.subList(0, shown)) {
            terms.add(String.format(Locale.ROOT, "%.3f·V[%d %s]", row[j], j, words.get(j)));
        }
        String sum = String.join(" + ", terms);
        int more = t - shown;
        return more == 0 ? sum : sum + " + … (" + more + (more == 1 ? " more term" : " more terms") + ", largest weights first)";
    }

    private Optional<int[]> repeatedWord() {
        for (int i = 0; i < t; i++) {
            int later = s.tokens().subList(i + 1, t).indexOf(s.tokens().get(i));
            if (later >= 0) {
                return Optional.of(new int[] {i, i + 1 + later});
            }
        }
        return Optional.empty();
    }

    private void sameVectorForRepeatedWord(int[] pair) {
        float[][] rows = s.output().toMatrix();
        say("But \"" + words.get(pair[0]) + "\" at positions " + pair[0] + " and " + pair[1]
                + " still gets the same vector (max |difference| = " + MaxDifference.between(rows[pair[0]], rows[pair[1]])
                + "): nothing so far knows where a word stands. Step 8 shows why that matters.");
    }

    private void table(LabelledTable table) {
        out.table(table);
    }

    private void say(String text) {
        out.say(text);
    }

    private void say(String text, int hang) {
        out.say(text, hang);
    }

    private String quoted(int position) {
        return "\"" + words.get(position) + "\" (position " + position + ")";
    }

    private static List<String> columns(String prefix, int count) {
        return IntStream.range(0, count).mapToObj(i -> prefix + i).collect(Collectors.toList());
    }

    private static String shape(String first, int firstSize, String second, int secondSize) {
        return "[" + first + "=" + firstSize + ", " + second + "=" + secondSize + "]";
    }

    private static String vector(float[] values) {
        List<String> parts = new ArrayList<>();
        for (float v : values) {
            parts.add(String.format(Locale.ROOT, "%.4f", v));
        }
        return "[" + String.join(", ", parts) + "]";
    }
}
