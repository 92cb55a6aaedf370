package dev.iamgate.servlet.session;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.spi.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolves the caller from the session that {@link IamSessions#signIn} set up: the principal, and
 * MFA as recorded by {@link IamSessions#recordMfa}. Reads the session once per request and creates
 * none; a request without a signed-in session is not recognised (empty).
 *
 * <p>Optionally MFA expires: once the MFA step is older than a maximum age, the session counts as
 * one without MFA ({@code aws:MultiFactorAuthPresent} {@code "false"}) until the user completes MFA
 * again. Policies can express the same per action with {@code aws:MultiFactorAuthAge}; the maximum
 * age applies to every action at once.
 */
public final class SessionPrincipalResolver implements PrincipalResolver {

    private final Duration maxMfaAge;
    private final InstantSource clock;

    /** MFA, once recorded, lasts as long as the session. */
    public SessionPrincipalResolver() {
        this.maxMfaAge = null;
        this.clock = InstantSource.system();
    }

    /**
     * MFA older than {@code maxMfaAge} no longer counts.
     *
     * @param maxMfaAge how long MFA counts, positive
     * @param clock the clock that measures the age, the one {@link IamSessions#recordMfa} used
     */
    public SessionPrincipalResolver(Duration maxMfaAge, InstantSource clock) {
        Objects.requireNonNull(maxMfaAge, "maxMfaAge");
        if (maxMfaAge.isNegative() || maxMfaAge.isZero()) {
            throw new IllegalArgumentException("maxMfaAge must be positive: " + maxMfaAge);
        }
        this.maxMfaAge = maxMfaAge;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        if (maxMfaAge == null) {
            return IamSessions.caller(request); // one Optional, not two: this runs on every request
        }
        Optional<IamSession> session = IamSessions.current(request);
        if (session.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(session.get().callerAt(clock.instant(), maxMfaAge));
    }

    @Override
    public String toString() {
        return "SessionPrincipalResolver[maxMfaAge=" + (maxMfaAge == null ? "unlimited" : maxMfaAge) + "]";
    }
}
