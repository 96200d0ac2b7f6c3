package org.attentionlab.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Mask factories: which (batch, query, key) entries they allow, and which scores they fit. */
class MaskTests {

    // ---------------------------------------------------------------- none

    @Test
    void noneAllowsEverythingAndFitsAnyShape() {
        Mask mask = Mask.none();

        assertArrayEquals(new boolean[][] {{true, true, true}, {true, true, true}}, table(mask, 0, 2, 3));
        assertTrue(mask.allows(7, 100, 3));
        assertTrue(mask.isNone());
        assertDoesNotThrow(() -> mask.requireFits(4, 2, 9));
        assertEquals("Mask.none()", mask.toString());
    }

    // ---------------------------------------------------------------- causal

    @Test
    void causalAllowsTheQueryItselfAndEarlierKeysOnly() {
        boolean[][] expected = {
            {true, false, false, false},
            {true, true, false, false},
            {true, true, true, false},
            {true, true, true, true},
        };

        assertArrayEquals(expected, table(Mask.causal(), 0, 4, 4));
        assertArrayEquals(expected, table(Mask.causal(), 3, 4, 4), "the same for every batch entry");
        assertFalse(Mask.causal().isNone());
        assertEquals("Mask.causal()", Mask.causal().toString());
    }

    @Test
    void causalNeedsAsManyQueriesAsKeys() {
        assertDoesNotThrow(() -> Mask.causal().requireFits(2, 5, 5));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mask.causal().requireFits(2, 3, 4));

        assertTrue(e.getMessage().contains("Tq=3") && e.getMessage().contains("Tk=4"), e.getMessage());
    }

    // ---------------------------------------------------------------- key padding

    @Test
    void keyPaddingAllowsTheRealKeysOfEachBatchEntryForEveryQuery() {
        Mask mask = Mask.keyPadding(2, 3, 1);

        assertArrayEquals(new boolean[][] {{true, true, false}, {true, true, false}}, table(mask, 0, 2, 3));
        assertArrayEquals(new boolean[][] {{true, true, true}, {true, true, true}}, table(mask, 1, 2, 3));
        assertArrayEquals(new boolean[][] {{true, false, false}, {true, false, false}}, table(mask, 2, 2, 3));
        assertEquals("Mask.keyPadding[2, 3, 1]", mask.toString());
    }

    @Test
    void keyPaddingNeedsOneLengthPerBatchEntry() {
        Mask mask = Mask.keyPadding(2, 3);
        assertDoesNotThrow(() -> mask.requireFits(2, 4, 3));

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mask.requireFits(3, 4, 3));

        assertTrue(e.getMessage().contains("2 lengths") && e.getMessage().contains("3 batch entries"), e.getMessage());
        IllegalArgumentException one = assertThrows(IllegalArgumentException.class, () -> Mask.keyPadding(2).requireFits(1 + 1, 4, 3));
        assertTrue(one.getMessage().contains("has 1 length but"), "singular, not '1 lengths': " + one.getMessage());
    }

    @Test
    void keyPaddingLengthMayNotExceedTheNumberOfKeys() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Mask.keyPadding(2, 4).requireFits(2, 1, 3));

        assertTrue(e.getMessage().contains("4") && e.getMessage().contains("Tk=3"), e.getMessage());
    }

    @Test
    void keyPaddingOfLengthZeroIsAnEmptySequenceThatAllowsNoKey() {
        Mask mask = Mask.keyPadding(3, 0);
        mask.requireFits(2, 2, 3);

        assertTrue(mask.allows(0, 1, 2));
        assertFalse(mask.allows(1, 0, 0));
        assertTrue(mask.allowsNoneOf(1, 0, 2, 0, 3));
    }

    @Test
    void tilesTellWhenNoneOrAllOfThemAreAllowed() {
        // causal: query i sees keys 0..i
        assertTrue(Mask.causal().allowsNoneOf(0, 0, 4, 4, 8), "keys 4..7 are after queries 0..3");
        assertFalse(Mask.causal().allowsNoneOf(0, 0, 5, 4, 8), "query 4 sees key 4");
        assertTrue(Mask.causal().allowsAllOf(0, 4, 8, 0, 5), "queries 4..7 see keys 0..4");
        assertFalse(Mask.causal().allowsAllOf(0, 4, 8, 0, 6), "query 4 does not see key 5");
        // key padding: batch 0 has 3 real keys
        Mask padding = Mask.keyPadding(3);
        assertTrue(padding.allowsAllOf(0, 0, 9, 0, 3));
        assertFalse(padding.allowsAllOf(0, 0, 9, 0, 4));
        assertTrue(padding.allowsNoneOf(0, 0, 9, 3, 9));
        // combined, and the safe defaults of a hand-made mask
        Mask both = Mask.causal().and(padding);
        assertTrue(both.allowsNoneOf(0, 0, 2, 2, 3), "causal excludes it");
        assertTrue(both.allowsNoneOf(0, 5, 9, 3, 5), "padding excludes it");
        assertTrue(both.allowsAllOf(0, 0, 9, 0, 1), "every query sees key 0");
        assertFalse(both.allowsAllOf(0, 0, 9, 0, 2), "query 0 does not see key 1");
        Mask matrix = Mask.of(new boolean[][] {{false, false}, {false, false}});
        assertFalse(matrix.allowsNoneOf(0, 0, 2, 0, 2), "a matrix mask does not claim to know");
        assertTrue(Mask.none().allowsAllOf(0, 0, 9, 0, 9));
    }

    @Test
    void keyPaddingRejectsNoLengthsAndNegativeLengths() {
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class, Mask::keyPadding);
        IllegalArgumentException negative = assertThrows(IllegalArgumentException.class, () -> Mask.keyPadding(2, -1));

        assertTrue(none.getMessage().contains("got none"), none.getMessage());
        assertTrue(negative.getMessage().contains("[2, -1]"), negative.getMessage());
        assertThrows(NullPointerException.class, () -> Mask.keyPadding((int[]) null));
    }

    @Test
    void keyPaddingCopiesItsLengths() {
        int[] lengths = {1, 3};
        Mask mask = Mask.keyPadding(lengths);

        lengths[0] = 3;

        assertFalse(mask.allows(0, 0, 1));
        assertEquals("Mask.keyPadding[1, 3]", mask.toString());
    }

    // ---------------------------------------------------------------- explicit matrices

    @Test
    void sharedMatrixAllowsItsTrueEntriesInEveryBatchEntry() {
        boolean[][] pattern = {{true, false, true}, {false, true, false}};
        Mask mask = Mask.of(pattern);

        assertArrayEquals(pattern, table(mask, 0, 2, 3));
        assertArrayEquals(pattern, table(mask, 5, 2, 3));
        assertDoesNotThrow(() -> mask.requireFits(9, 2, 3), "any number of batch entries");
        assertEquals("Mask.of([2, 3])", mask.toString());
    }

    @Test
    void sharedMatrixMustMatchQueriesAndKeys() {
        Mask mask = Mask.of(new boolean[][] {{true, false, true}, {false, true, false}});

        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class, () -> mask.requireFits(1, 3, 3));
        IllegalArgumentException cols = assertThrows(IllegalArgumentException.class, () -> mask.requireFits(1, 2, 4));

        assertTrue(rows.getMessage().contains("[2, 3]") && rows.getMessage().contains("[3, 3]"), rows.getMessage());
        assertTrue(cols.getMessage().contains("[2, 3]") && cols.getMessage().contains("[2, 4]"), cols.getMessage());
    }

    @Test
    void perBatchMatricesAllowTheirOwnPattern() {
        boolean[][][] patterns = {
            {{true, false}, {true, true}},
            {{false, true}, {false, false}},
        };
        Mask mask = Mask.of(patterns);

        assertArrayEquals(patterns[0], table(mask, 0, 2, 2));
        assertArrayEquals(patterns[1], table(mask, 1, 2, 2));
        assertDoesNotThrow(() -> mask.requireFits(2, 2, 2));
        assertEquals("Mask.of([2, 2, 2])", mask.toString());
    }

    @Test
    void perBatchMatricesMustMatchTheBatchCount() {
        Mask mask = Mask.of(new boolean[][][] {{{true, false}, {true, true}}, {{false, true}, {false, false}}});

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> mask.requireFits(3, 2, 2));

        assertTrue(e.getMessage().contains("[2, 2, 2]") && e.getMessage().contains("[3, 2, 2]"), e.getMessage());
    }

    @Test
    void raggedMatricesAreRejected() {
        IllegalArgumentException rowLength = assertThrows(IllegalArgumentException.class,
                () -> Mask.of(new boolean[][] {{true, true}, {true}}));
        IllegalArgumentException rowCount = assertThrows(IllegalArgumentException.class,
                () -> Mask.of(new boolean[][][] {{{true}, {true}}, {{true}}}));
        IllegalArgumentException rowLengthAcrossBatches = assertThrows(IllegalArgumentException.class,
                () -> Mask.of(new boolean[][][] {{{true, true}}, {{true}}}));

        assertTrue(rowLength.getMessage().contains("ragged"), rowLength.getMessage());
        assertTrue(rowCount.getMessage().contains("ragged"), rowCount.getMessage());
        assertTrue(rowLengthAcrossBatches.getMessage().contains("ragged"), rowLengthAcrossBatches.getMessage());
        assertThrows(NullPointerException.class, () -> Mask.of(new boolean[][] {{true}, null}));
    }

    @Test
    void matricesAreCopied() {
        boolean[][] shared = {{true, false}, {true, true}};
        boolean[][][] perBatch = {{{true, false}, {true, true}}};
        Mask sharedMask = Mask.of(shared);
        Mask perBatchMask = Mask.of(perBatch);

        shared[0][1] = true;
        shared[1] = new boolean[] {false, false};
        perBatch[0][0][1] = true;
        perBatch[0] = new boolean[][] {{false, false}, {false, false}};

        boolean[][] original = {{true, false}, {true, true}};
        assertArrayEquals(original, table(sharedMask, 0, 2, 2));
        assertArrayEquals(original, table(perBatchMask, 0, 2, 2));
    }

    @Test
    void emptyMatrixFitsEmptyScores() {
        Mask mask = Mask.of(new boolean[0][]);

        assertDoesNotThrow(() -> mask.requireFits(1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> mask.requireFits(1, 1, 1));
        assertEquals("Mask.of([0, 0])", mask.toString());
    }

    // ---------------------------------------------------------------- and

    @Test
    void andAllowsWhereBothAllow() {
        Mask mask = Mask.causal().and(Mask.keyPadding(2, 3));

        assertArrayEquals(new boolean[][] {
            {true, false, false},
            {true, true, false},
            {true, true, false},
        }, table(mask, 0, 3, 3));
        assertArrayEquals(new boolean[][] {
            {true, false, false},
            {true, true, false},
            {true, true, true},
        }, table(mask, 1, 3, 3));
        assertFalse(mask.isNone());
        assertEquals("Mask.causal() and Mask.keyPadding[2, 3]", mask.toString());
    }

    @Test
    void andFitsOnlyWhereBothFit() {
        Mask mask = Mask.causal().and(Mask.keyPadding(2, 3));
        assertDoesNotThrow(() -> mask.requireFits(2, 3, 3));

        IllegalArgumentException causal = assertThrows(IllegalArgumentException.class, () -> mask.requireFits(2, 2, 3));
        IllegalArgumentException padding = assertThrows(IllegalArgumentException.class, () -> mask.requireFits(1, 3, 3));

        assertTrue(causal.getMessage().contains("causal"), causal.getMessage());
        assertTrue(padding.getMessage().contains("key padding"), padding.getMessage());
    }

    @Test
    void noneAndAnotherMaskBehavesLikeTheOther() {
        Mask mask = Mask.none().and(Mask.causal());

        assertArrayEquals(table(Mask.causal(), 0, 3, 3), table(mask, 0, 3, 3));
        assertFalse(mask.isNone(), "kernels must not skip this mask");
        assertThrows(NullPointerException.class, () -> Mask.none().and(null));
    }

    /** The mask's decisions for one batch entry as a {@code [queries, keys]} table. */
    private static boolean[][] table(Mask mask, int batch, int queries, int keys) {
        boolean[][] allowed = new boolean[queries][keys];
        for (int q = 0; q < queries; q++) {
            for (int k = 0; k < keys; k++) {
                allowed[q][k] = mask.allows(batch, q, k);
            }
        }
        return allowed;
    }
}
