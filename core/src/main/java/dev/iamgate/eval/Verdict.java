package dev.iamgate.eval;

/**
 * An outcome together with the kind of policy that decided it. All instances are shared, so the
 * decision logic produces one without allocating.
 */
record Verdict(Outcome outcome, PolicyType decidingType) {

    private static final Verdict[][] ALL = new Verdict[Outcome.values().length][PolicyType.values().length];

    static {
        for (Outcome outcome : Outcome.values()) {
            for (PolicyType type : PolicyType.values()) {
                ALL[outcome.ordinal()][type.ordinal()] = new Verdict(outcome, type);
            }
        }
    }

    static Verdict of(Outcome outcome, PolicyType decidingType) {
        return ALL[outcome.ordinal()][decidingType.ordinal()];
    }
}
