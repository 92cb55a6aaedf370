package dev.iamgate.bench;

import dev.iamgate.eval.PolicySet;
import org.openjdk.jol.info.GraphLayout;

/**
 * Prints the retained heap of a compiled {@link GeneratedPolicySet}: every object reachable from
 * the {@link PolicySet} (its statements, matchers, and the conditions as written it keeps for
 * explanations), counted once, by JOL's object graph walk. Objects shared with the rest of the JVM
 * (enum constants, interned strings) are counted too, so it is an upper bound.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.iamgate.bench.PolicySetFootprint 10000 [--classes]</pre>
 *
 * {@code --classes} adds JOL's table of the bytes by class.
 */
public final class PolicySetFootprint {

    private PolicySetFootprint() {}

    public static void main(String[] args) {
        int statements = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        boolean byClass = args.length > 1 && args[1].equals("--classes");
        System.out.println(measure(statements, byClass));
    }

    /** The footprint of the generated set of {@code statements} statements, as text. */
    static String measure(int statements, boolean byClass) {
        // Without an agent, JOL reads records' field offsets only this way (Unsafe refuses records);
        // attaching one to ourselves is refused by default and only costs seconds.
        System.setProperty("jol.magicFieldOffset", "true");
        System.setProperty("jol.skipDynamicAttach", "true");
        GeneratedPolicySet generated = new GeneratedPolicySet(statements);
        PolicySet policies = generated.parseAndCompile();
        GraphLayout layout = GraphLayout.parseInstance(policies);
        long bytes = layout.totalSize();
        long jsonChars = generated.documents().stream().mapToLong(String::length).sum();
        return String.format("%d statements: %,d bytes retained (%,d objects), %,d bytes per statement;"
                        + " the JSON is %,d chars", statements, bytes, layout.totalCount(), bytes / statements,
                jsonChars) + (byClass ? System.lineSeparator() + layout.toFootprint() : "");
    }
}
