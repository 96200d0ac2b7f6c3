package org.attentionlab.testkit;

import java.util.stream.Stream;

/**
 * A generated test case that can name simpler cases than itself. When a law fails, the kit walks
 * from the failing case to ever simpler failing ones (greedy shrinking, as in QuickCheck), so the
 * report shows a counterexample small enough to work through by hand.
 *
 * @param <C> the case type itself
 */
public interface Shrinkable<C extends Shrinkable<C>> {

    /**
     * Cases one step simpler than this one (fewer dimensions, smaller sizes), the biggest
     * simplifications first. Empty when there is nothing left to simplify.
     */
    Stream<C> simpler();
}
