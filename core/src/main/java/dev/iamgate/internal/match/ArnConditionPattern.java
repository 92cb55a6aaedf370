package dev.iamgate.internal.match;

import dev.iamgate.internal.RequestKeys;

/** A compiled ArnEquals/ArnLike policy value: six colon-separated parts matched one by one. (contract stub) */
public final class ArnConditionPattern {

    private ArnConditionPattern() {}

    public static ArnConditionPattern compile(String text, boolean variablesEnabled) {
        throw new UnsupportedOperationException("not implemented yet");
    }

    public boolean matches(String arn, RequestKeys keys) {
        throw new UnsupportedOperationException("not implemented yet");
    }
}
