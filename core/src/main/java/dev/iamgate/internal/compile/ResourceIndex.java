package dev.iamgate.internal.compile;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which statements of one array (a bucket's Denies or Allows) can match a resource: a statement
 * whose {@code Resource} lists only plain ARNs matches only those, so it is filed under each; every
 * other statement can match anything and is always a candidate. Positions are ascending, so a
 * caller that walks the candidates of a resource in position order sees them in the array's order
 * and decides exactly as a walk over the whole array would, without looking at the statements
 * about other resources. Immutable.
 */
final class ResourceIndex {

    /** Below this many plain-ARN statements, walking the array costs less than the index saves. */
    private static final int WORTH_IT = 16;

    private static final int[] NONE = new int[0];

    /** The index of an empty array. */
    static final ResourceIndex EMPTY = new ResourceIndex(Map.of(), NONE);

    private final Map<String, int[]> byArn;
    private final int[] others;

    private ResourceIndex(Map<String, int[]> byArn, int[] others) {
        this.byArn = byArn;
        this.others = others;
    }

    static ResourceIndex of(CompiledStatement[] statements) {
        Map<String, List<Integer>> filed = new HashMap<>();
        List<Integer> rest = new ArrayList<>();
        for (int position = 0; position < statements.length; position++) {
            String[] arns = statements[position].literalResourceArns();
            if (arns == null) {
                rest.add(position);
                continue;
            }
            Set<String> distinct = new LinkedHashSet<>(List.of(arns));
            for (String arn : distinct) {
                filed.computeIfAbsent(arn, k -> new ArrayList<>()).add(position);
            }
        }
        if (statements.length - rest.size() < WORTH_IT) {
            int[] all = new int[statements.length];
            for (int position = 0; position < all.length; position++) {
                all[position] = position;
            }
            return new ResourceIndex(Map.of(), all);
        }
        Map<String, int[]> byArn = new HashMap<>(filed.size() * 2);
        filed.forEach((arn, positions) -> byArn.put(arn, toArray(positions)));
        return new ResourceIndex(Map.copyOf(byArn), toArray(rest));
    }

    /** The positions of the plain-ARN statements that list {@code resource}, ascending. */
    int[] listing(String resource) {
        return byArn.getOrDefault(resource, NONE);
    }

    /** The positions of the statements that can match any resource (all, when not worth indexing), ascending. */
    int[] others() {
        return others;
    }

    private static int[] toArray(List<Integer> positions) {
        return positions.isEmpty() ? NONE : positions.stream().mapToInt(Integer::intValue).toArray();
    }
}
