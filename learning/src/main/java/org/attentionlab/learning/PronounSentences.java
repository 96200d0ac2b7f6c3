package org.attentionlab.learning;

import java.util.List;
import java.util.SplittableRandom;

/**
 * The generated sentences of {@link ToyTask#PRONOUN}: "the animal didn't cross the street because
 * it was tired", in two templates of {@code T = 11} words that put the animate noun (the pronoun's
 * antecedent) and the inanimate noun in swapped slots:
 *
 * <pre>
 *   position   0    1       2    3    4     5    6        7        8   9    10
 *   animate:   the  ANIMAL  did  not  VERB  the  THING    because  it  was  STATE
 *   inanimate: the  THING   was  HARD for   the  ANIMAL   because  it  was  STATE
 * </pre>
 *
 * <p>"it" is always at position {@value #PRONOUN}, so its query (the same token at the same position)
 * is the same vector in every sentence: only the keys can tell it where to look. Since the
 * antecedent is at position 1 in half the sentences and 6 in the other half, a model that resolves
 * "it" must score the keys by what the word is (an animal or not), not by where it is.
 *
 * <p>8 animals × 8 things × 4 verbs or 4 adjectives × 4 states × 2 templates = 2048 sentences, so
 * the 256 held-out ones are combinations never seen in training.
 */
final class PronounSentences {

    /** The vocabulary: id {@code i} is word {@code i}. */
    static final List<String> WORDS = List.of(
            "the", "did", "not", "because", "it", "was", "for",
            "cross", "climb", "reach", "leave",                                 // verbs of the first template
            "hard", "long", "steep", "wide",                                    // adjectives of the second
            "animal", "dog", "cat", "horse", "bird", "fox", "cow", "mouse",     // can be tired: the antecedents
            "street", "road", "river", "bridge", "hill", "wall", "field", "fence",
            "tired", "scared", "hungry", "slow");

    /** {@code T}: words per sentence. */
    static final int LENGTH = 11;

    /** Where "it" is in every sentence. */
    static final int PRONOUN = 8;

    /** The two noun slots: one holds the animal, the other the thing. */
    static final int FIRST_NOUN = 1;
    static final int SECOND_NOUN = 6;

    private static final List<String> ANIMALS = WORDS.subList(15, 23);
    private static final List<String> THINGS = WORDS.subList(23, 31);
    private static final List<String> VERBS = WORDS.subList(7, 11);
    private static final List<String> ADJECTIVES = WORDS.subList(11, 15);
    private static final List<String> STATES = WORDS.subList(31, 35);

    private PronounSentences() {
    }

    /**
     * One random sentence. Every word's target is itself except the pronoun's, which is its
     * antecedent: its query should attend to the animal's key. That is the one expected key: the
     * other words are read from their own keys, but a trained model reads them with little weight
     * (it makes the values of the fixed words quiet), so no key is expected in their rows.
     */
    static ToyTask.Example example(SplittableRandom random) {
        String animal = pick(ANIMALS, random);
        String thing = pick(THINGS, random);
        String state = pick(STATES, random);
        boolean animalFirst = random.nextBoolean();
        String[] words = animalFirst
                ? new String[] {"the", animal, "did", "not", pick(VERBS, random), "the", thing, "because", "it", "was", state}
                : new String[] {"the", thing, "was", pick(ADJECTIVES, random), "for", "the", animal, "because", "it", "was", state};
        int antecedent = animalFirst ? FIRST_NOUN : SECOND_NOUN;
        int[] input = new int[LENGTH];                                                       // [T]
        int[] expectedKey = new int[LENGTH];                                                 // [T]
        for (int i = 0; i < LENGTH; i++) {
            input[i] = WORDS.indexOf(words[i]);
            expectedKey[i] = ToyTask.Example.ANY_KEY;
        }
        expectedKey[PRONOUN] = antecedent;
        int[] target = input.clone();                                                        // [T]
        target[PRONOUN] = input[antecedent];
        return new ToyTask.Example(input, target, expectedKey);
    }

    /** The position of the other noun, the one "it" does not refer to. */
    static int otherNoun(int antecedent) {
        return antecedent == FIRST_NOUN ? SECOND_NOUN : FIRST_NOUN;
    }

    private static String pick(List<String> words, SplittableRandom random) {
        return words.get(random.nextInt(words.size()));
    }
}
