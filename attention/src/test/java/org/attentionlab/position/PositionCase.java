package org.attentionlab.position;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.attentionlab.testkit.ForAll;
import org.attentionlab.testkit.Shrinkable;

/**
 * One generated input for the positional-encoding laws: a model width, a position and an offset
 * to a second position. Shrinks towards width 1 (or 2 when the law needs pairs), position 0, offset 1.
 */
record PositionCase(int dModel, int position, int offset, int minWidth) implements Shrinkable<PositionCase> {

    static List<PositionCase> random(String law, int tries, int minWidth) {
        SplittableRandom random = new SplittableRandom(ForAll.seed(law));
        List<PositionCase> cases = new ArrayList<>();
        for (int i = 0; i < ForAll.tries(tries); i++) {
            cases.add(new PositionCase(minWidth + random.nextInt(64), random.nextInt(500), 1 + random.nextInt(200), minWidth));
        }
        return cases;
    }

    @Override
    public Stream<PositionCase> simpler() {
        return Stream.of(
                new PositionCase(minWidth, position, offset, minWidth),
                new PositionCase(Math.max(minWidth, dModel / 2), position, offset, minWidth),
                new PositionCase(Math.max(minWidth, dModel - 1), position, offset, minWidth),
                new PositionCase(dModel, 0, offset, minWidth),
                new PositionCase(dModel, position / 2, offset, minWidth),
                new PositionCase(dModel, position, 1, minWidth),
                new PositionCase(dModel, position, Math.max(1, offset / 2), minWidth))
                .filter(simpler -> !simpler.equals(this)).distinct();
    }

    @Override
    public String toString() {
        return "D=" + dModel + " position=" + position + " offset=" + offset;
    }
}
