package dev.iamgate.servlet;

import java.time.Instant;
import java.util.Objects;

/**
 * What a caller's credentials say about multi-factor authentication, which decides the
 * {@code aws:MultiFactorAuthPresent} and {@code aws:MultiFactorAuthAge} keys exactly as AWS sets
 * them.
 */
public sealed interface MfaEvidence {

    /** A long-term credential (an access key): AWS leaves both MFA keys absent. */
    MfaEvidence LONG_TERM = new LongTerm();

    /** A session or temporary credential obtained without MFA: present is {@code "false"}, no age. */
    MfaEvidence NOT_USED = new NotUsed();

    /** A session or temporary credential whose holder completed MFA at {@code at}. */
    static MfaEvidence usedAt(Instant at) {
        return new Used(at);
    }

    /** Long-term credential: no MFA keys. */
    record LongTerm() implements MfaEvidence {}

    /** Temporary credential without MFA. */
    record NotUsed() implements MfaEvidence {}

    /** Temporary credential with MFA completed at {@code at}. */
    record Used(Instant at) implements MfaEvidence {
        public Used {
            Objects.requireNonNull(at, "at");
        }
    }
}
