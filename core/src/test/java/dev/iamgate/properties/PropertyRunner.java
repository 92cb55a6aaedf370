package dev.iamgate.properties;

import java.util.List;
import java.util.Random;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A small property runner on plain JUnit: draws cases from a seeded {@link Random}, checks each, and
 * on the first failure shrinks the case greedily (any one-step simplification that still fails is
 * taken, until none does) and fails with the seed, the try and the shrunk case, printed as JSON.
 *
 * <p>The run is reproducible: every property has a fixed seed unless
 * {@code -Diamgate.properties.seed=N} is given, and {@code -Diamgate.properties.scale=K} multiplies
 * the number of tries (to search harder locally; the default keeps the whole suite near 10 s).
 *
 * <p>Why not jqwik: version 1.10 runs on JUnit Platform 6, but its engine prints, on every run, a
 * notice addressed to AI coding agents asking them not to use the library and to disregard its
 * results. These tests were written by one, so they respect that and stay on plain JUnit.
 */
final class PropertyRunner {

    private static final long BASE_SEED = Long.getLong("iamgate.properties.seed", 0x1A3_6A7EL);
    private static final double SCALE = Double.parseDouble(System.getProperty("iamgate.properties.scale", "1"));

    private PropertyRunner() {}

    /**
     * A property over generated cases.
     *
     * @param name the property's name, which also varies the seed
     * @param tries how many cases (before scaling)
     * @param generate draws one case
     * @param shrink the one-step simplifications of a case
     * @param show renders a case for the failure report
     * @param check throws {@link AssertionError} when the property does not hold
     */
    static <C> void forAll(String name, int tries, Function<Random, C> generate, Function<C, List<C>> shrink,
            Function<C, String> show, Consumer<C> check) {
        long seed = BASE_SEED ^ name.hashCode();
        Random random = new Random(seed);
        int total = Math.max(1, (int) Math.round(tries * SCALE));
        for (int i = 0; i < total; i++) {
            C example = generate.apply(random);
            AssertionError failure = failure(check, example);
            if (failure != null) {
                C smallest = example;
                AssertionError smallestFailure = failure;
                boolean shrunk = true;
                int steps = 0;
                while (shrunk && steps < 10_000) {
                    shrunk = false;
                    for (C candidate : shrink.apply(smallest)) {
                        steps++;
                        AssertionError candidateFailure = failure(check, candidate);
                        if (candidateFailure != null) {
                            smallest = candidate;
                            smallestFailure = candidateFailure;
                            shrunk = true;
                            break;
                        }
                    }
                }
                AssertionError report = new AssertionError("property " + name + " fails (seed " + BASE_SEED + ", try " + i
                        + ", shrunk in " + steps + " steps)\n" + show.apply(smallest) + "\n" + smallestFailure.getMessage(),
                        smallestFailure);
                throw report;
            }
        }
    }

    private static <C> AssertionError failure(Consumer<C> check, C example) {
        try {
            check.accept(example);
            return null;
        } catch (AssertionError e) {
            return e;
        } catch (RuntimeException e) {
            return new AssertionError("threw " + e, e);
        }
    }
}
