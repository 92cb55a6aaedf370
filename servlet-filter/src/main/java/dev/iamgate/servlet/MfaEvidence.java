package dev.iamgate.servlet;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What a caller's credentials say about multi-factor authentication, which decides the
 * {@code aws:MultiFactorAuthPresent} and {@code aws:MultiFactorAuthAge} keys exactly as AWS sets
 * them.
 */
public sealed interface MfaEvidence {

    /**
     * How far ahead of this server's clock a recorded MFA time may be and still count: clocks of
     * cluster nodes disagree a little (AWS itself accepts requests signed up to five minutes off),
     * and within that MFA counts as just done, age 0. An MFA time further ahead is not believed (a
     * broken clock or a forged session), and the caller counts as one without MFA.
     */
    Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

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

        /** Whether this MFA counts at {@code now}: it is not more than {@link #MAX_CLOCK_SKEW} ahead of it. */
        public boolean believableAt(Instant now) {
            return !at.isAfter(now.plus(MAX_CLOCK_SKEW));
        }
    }
}
