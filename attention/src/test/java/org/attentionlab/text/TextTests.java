package org.attentionlab.text;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.attentionlab.api.Tensor;
import org.junit.jupiter.api.Test;

class TextTests {

    private final WhitespaceTokenizer tokenizer = new WhitespaceTokenizer();

    @Test
    void tokenizerLowerCasesAndSplitsAtWhiteSpace() {
        assertEquals(List.of("the", "animal", "didn't", "cross"), tokenizer.tokenize("  The animal\tdidn't \n cross "));
        assertEquals(List.of(), tokenizer.tokenize("   "));
        assertEquals(List.of("tired."), tokenizer.tokenize("tired."));
    }

    @Test
    void tokenizerSplitsAtEveryUnicodeWhiteSpaceIncludingNoBreakAndIdeographicSpaces() {
        String[] spaces = {"\u00A0", "\u2007", "\u202F", "\u3000", "\u2003", "\u0085", "\u2028", "\u000B"};
        for (String space : spaces) {
            String name = String.format("U+%04X", (int) space.charAt(0));
            assertEquals(List.of("dog", "bites", "man"), tokenizer.tokenize(space + "Dog" + space + "bites " + space + "man" + space),
                    name);
        }
        assertEquals(List.of(), tokenizer.tokenize("\u00A0\u3000 "));
        assertEquals(List.of("zero\u200Bwidth"), tokenizer.tokenize("zero\u200Bwidth"), "U+200B is not white space");
    }

    @Test
    void theWordUnkIsAWordOfItsOwnNotTheUnknownId() {
        Vocabulary vocabulary = Vocabulary.fromTexts(tokenizer, "<unk> bites <UNK> dog");

        assertEquals(List.of("<unk>", "<unk>", "bites", "dog"), vocabulary.tokens());
        assertEquals(4, vocabulary.size(), "three distinct words and the unknown id");
        int word = vocabulary.id("<unk>");
        assertEquals(1, word);
        assertEquals("<unk>", vocabulary.token(word));
        assertArrayEquals(new int[] {1, 2, 1, 3, Vocabulary.UNKNOWN_ID},
                vocabulary.ids(tokenizer.tokenize("<unk> bites <unk> dog cat")));
        assertEquals(1, Vocabulary.of(List.of()).size(), "only the unknown id");
        assertEquals(Vocabulary.UNKNOWN_ID, Vocabulary.of(List.of()).id("<unk>"), "an unknown word like any other");
    }

    @Test
    void vocabularyNumbersTokensInFirstSeenOrderAfterUnknown() {
        Vocabulary vocabulary = Vocabulary.fromTexts(tokenizer, "dog bites man", "man bites dog");
        assertEquals(List.of("<unk>", "dog", "bites", "man"), vocabulary.tokens());
        assertArrayEquals(new int[] {3, 2, 1}, vocabulary.ids(tokenizer.tokenize("Man bites dog")));
        assertEquals(Vocabulary.UNKNOWN_ID, vocabulary.id("cat"));
        assertEquals("man", vocabulary.token(3));
        assertThrows(IllegalArgumentException.class, () -> vocabulary.token(4));
    }

    @Test
    void textToVectorsInALine() {
        Vocabulary vocabulary = Vocabulary.fromTexts(tokenizer, "dog bites man");
        Embedding embedding = Embedding.random(vocabulary.size(), 8, 7);

        Tensor x = embedding.lookup(vocabulary.ids(tokenizer.tokenize("man bites dog"))); // [T=3, D=8]

        assertArrayEquals(new int[] {3, 8}, x.shape());
        for (int d = 0; d < 8; d++) {
            assertEquals(embedding.table().get(vocabulary.id("man"), d), x.get(0, d));
            assertEquals(embedding.table().get(vocabulary.id("dog"), d), x.get(2, d));
        }
    }

    @Test
    void batchedLookupNeedsEqualLengthsAndValidIds() {
        Embedding embedding = new Embedding(Tensor.of(new float[][] {{0, 0}, {1, 1}, {2, 2}}));
        Tensor batch = embedding.lookup(new int[][] {{1, 2}, {2, 0}});
        assertArrayEquals(new int[] {2, 2, 2}, batch.shape());
        assertEquals(2f, batch.get(1, 0, 1));
        IllegalArgumentException ragged = assertThrows(IllegalArgumentException.class,
                () -> embedding.lookup(new int[][] {{1, 2}, {1}}));
        assertTrue(ragged.getMessage().contains("keyPadding"), ragged.getMessage());
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> embedding.lookup(0, 3));
        assertTrue(outside.getMessage().contains("id 3"), outside.getMessage());
    }
}
