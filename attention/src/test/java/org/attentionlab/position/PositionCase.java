package org.attentionlab.position;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attentionlab.testkit.ForAll;
import org.attentionlab.testkit.Shrinkable;

/**
 * One generated input for the positional-encoding laws: a model width and a position. Shrinks
 * towards the smallest width the law allows and position 0.
 */
record PositionCase(int dModel, int position, int minWidth) implements Shrinkable<PositionCase> {

    static List<PositionCase> random(long seed, int tries, int minWidth) {
        SplittableRandom random = new SplittableRandom(seed);
        List<PositionCase> cases = new ArrayList<>();
        for (int i = 0; i < ForAll.tries(tries); i++) {
            cases.add(new PositionCase(minWidth + random.nextInt(64), random.nextInt(500), minWidth));
        }
        return cases;
    }

    @Override
    public Stream<PositionCase> simpler() {
        return Stream.of(
                new PositionCase(minWidth, position, minWidth),
                new PositionCase(Math.max(minWidth, dModel / 2), position, minWidth),
                new PositionCase(Math.max(minWidth, dModel - 1), position, minWidth),
                new PositionCase(dModel, 0, minWidth),
                new PositionCase(dModel, position / 2, minWidth))
                .filter(simpler -> !simpler.equals(this)).distinct();
    }

    @Override
    public String toString() {
        return "D=" + dModel + " position=" + position;
    }
}
