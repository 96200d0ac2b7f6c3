package org.attentionlab.learning;

import java.util.Objects;
import java.util.OptionalInt;
import java.util.SplittableRandom;

/**
 * Toy tasks chosen so that the right attention pattern is known before training: a model that
 * solves one must look at a particular key from each query, and a test can check that it does.
 * Every sequence has {@link #length()} tokens; targets are one id per position.
 */
public enum ToyTask {

    /**
     * Copy the marked token. Ids {@code 0..7} are plain tokens and {@code 8..15} the same eight
     * tokens marked; each sequence has exactly one marked token, at a random position {@code p},
     * and the target at every position is that token, unmarked. Expected pattern: every query
     * attends to key {@code p} (one bright column in the map).
     */
    COPY(8, 16) {
        @Override
        Example example(SplittableRandom random) {
            int[] input = plainTokens(random);
            int marked = random.nextInt(length());
            int content = input[marked];
            input[marked] = content + CONTENT_TOKENS;
            int[] target = new int[length()];
            int[] expectedKey = new int[length()];
            for (int i = 0; i < length(); i++) {
                target[i] = content;
                expectedKey[i] = marked;
            }
            return new Example(input, target, expectedKey);
        }
    },

    /**
     * Reverse the sequence: the target at position {@code i} is the token at {@code T − 1 − i}.
     * Expected pattern: query {@code i} attends to key {@code T − 1 − i} (the anti-diagonal).
     */
    REVERSE(8, 8) {
        @Override
        Example example(SplittableRandom random) {
            int[] input = plainTokens(random);
            int[] target = new int[length()];
            int[] expectedKey = new int[length()];
            for (int i = 0; i < length(); i++) {
                expectedKey[i] = length() - 1 - i;
                target[i] = input[expectedKey[i]];
            }
            return new Example(input, target, expectedKey);
        }
    },

    /**
     * Resolve a pronoun: in generated sentences such as "the dog did not cross the road because it
     * was tired" ({@link PronounSentences}), every word's target is itself except "it", whose target
     * is the animal it refers to. The animal is at position 1 or 6, the other noun in the other slot.
     * Expected pattern: the query at "it" (always position 8) attends to the animal's key rather
     * than the other noun's. That is the only row with an expected key ({@link #decisiveQuery});
     * the other rows copy their own word, which a trained model reads with little weight.
     */
    PRONOUN(PronounSentences.LENGTH, PronounSentences.WORDS.size()) {
        @Override
        Example example(SplittableRandom random) {
            return PronounSentences.example(random);
        }

        /** The words themselves: "the", "dog", ..., "it". */
        @Override
        public String tokenName(int id) {
            return PronounSentences.WORDS.get(id);
        }

        @Override
        public OptionalInt decisiveQuery() {
            return OptionalInt.of(PronounSentences.PRONOUN);
        }
    };

    /** The number of distinct plain tokens. */
    static final int CONTENT_TOKENS = 8;

    private final int length;
    private final int vocabularySize;

    ToyTask(int length, int vocabularySize) {
        this.length = length;
        this.vocabularySize = vocabularySize;
    }

    /** {@code T}: tokens per sequence. */
    public int length() {
        return length;
    }

    /** {@code V}: ids are {@code 0..V-1}, for inputs and targets alike. */
    public int vocabularySize() {
        return vocabularySize;
    }

    /**
     * How an id is shown in pictures: plain tokens are the letters {@code a..h}, marked ones (copy)
     * the same letters upper-case with a star, {@code A*..H*}; the pronoun task's ids are words.
     */
    public String tokenName(int id) {
        char letter = (char) ('a' + id % CONTENT_TOKENS);
        return id < CONTENT_TOKENS ? String.valueOf(letter) : Character.toUpperCase(letter) + "*";
    }

    /**
     * The one query row the task turns on, if one row does: the pronoun's position for
     * {@link #PRONOUN}, where every other row only has to attend to itself. Empty for tasks in which
     * every row matters alike. Evaluate it with {@link Evaluation#atQuery}.
     */
    public OptionalInt decisiveQuery() {
        return OptionalInt.empty();
    }

    /** One random sequence, its targets and the key each query should attend to. */
    abstract Example example(SplittableRandom random);

    /** {@code T} random plain tokens. */
    int[] plainTokens(SplittableRandom random) {
        int[] tokens = new int[length];
        for (int i = 0; i < length; i++) {
            tokens[i] = random.nextInt(CONTENT_TOKENS);
        }
        return tokens;
    }

    /**
     * One sequence of a task.
     *
     * @param input       ids {@code [T]}
     * @param target      the right output at each position {@code [T]}
     * @param expectedKey for each query {@code i}, the key a model that solves the task attends to most,
     *                    or {@link #ANY_KEY} where no one key is needed (the pronoun task's fixed words)
     */
    public record Example(int[] input, int[] target, int[] expectedKey) {

        /** In {@link #expectedKey}: the target can be read from more than one key, so no pattern is expected. */
        public static final int ANY_KEY = -1;

        public Example {
            Objects.requireNonNull(input, "input");
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(expectedKey, "expectedKey");
        }
    }
}
