package dev.iamgate.servlet.session;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import java.io.InvalidObjectException;
import java.io.Serial;
import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What a signed-in HTTP session knows of its user: the caller (principal and MFA evidence) and
 * when the user signed in. The single attribute {@link IamSessions} stores in the session; it is
 * replaced, never modified, so a request reads a consistent value without locking.
 *
 * <p>Holds no secret. It is {@link Serializable} (through a private serial form) so containers that
 * persist or replicate sessions keep the user signed in.
 *
 * @param caller the principal and {@link MfaEvidence#NOT_USED} or {@link MfaEvidence#usedAt}; never
 *     {@link MfaEvidence#LONG_TERM}, a session is not a long-term credential
 * @param signedInAt when the user signed in
 */
public record IamSession(Caller caller, Instant signedInAt) implements Serializable {

    public IamSession {
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(signedInAt, "signedInAt");
        if (caller.mfa() instanceof MfaEvidence.LongTerm) {
            throw new IllegalArgumentException("a session is temporary: its MFA evidence cannot be LONG_TERM");
        }
    }

    /** A session just signed in, MFA not yet done. */
    static IamSession signedIn(IamPrincipal principal, Instant at) {
        return new IamSession(new Caller(principal, MfaEvidence.NOT_USED), at);
    }

    /** This session after its user completed MFA at {@code at}. */
    IamSession withMfaAt(Instant at) {
        return new IamSession(new Caller(caller.principal(), MfaEvidence.usedAt(at)), signedInAt);
    }

    /** Who is signed in. */
    public IamPrincipal principal() {
        return caller.principal();
    }

    /** When the user completed MFA in this session, if they did. */
    public Optional<Instant> mfaAt() {
        return caller.mfa() instanceof MfaEvidence.Used used ? Optional.of(used.at()) : Optional.empty();
    }

    /**
     * The caller as of {@code now}: MFA older than {@code maxMfaAge} no longer counts, so the
     * session then reads as one without MFA. An MFA time after {@code now} (clocks of cluster
     * nodes disagree) counts as fresh within {@link MfaEvidence#MAX_CLOCK_SKEW}, and not at all
     * beyond.
     */
    Caller callerAt(Instant now, Duration maxMfaAge) {
        if (caller.mfa() instanceof MfaEvidence.Used used
                && (Duration.between(used.at(), now).compareTo(maxMfaAge) > 0 || !used.believableAt(now))) {
            return new Caller(caller.principal(), MfaEvidence.NOT_USED);
        }
        return caller;
    }

    @Serial
    private Object writeReplace() {
        return new SerialForm(this);
    }

    /**
     * The serialized shape: plain JDK types only, because {@link IamPrincipal} and {@link Caller}
     * are not serializable. Reading one goes through the records' constructors, so a stored form
     * that would not validate is rejected rather than trusted.
     */
    private static final class SerialForm implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        private final String arn;
        private final String accountId;
        private final String userName;
        private final String userId;
        private final String[] groups;
        private final HashMap<String, String> tags;
        private final Instant signedInAt;
        private final Instant mfaAt;

        SerialForm(IamSession session) {
            IamPrincipal principal = session.principal();
            this.arn = principal.arn();
            this.accountId = principal.accountId();
            this.userName = principal.userName().orElse(null);
            this.userId = principal.userId();
            this.groups = principal.groups().toArray(String[]::new);
            this.tags = new HashMap<>(principal.tags());
            this.signedInAt = session.signedInAt();
            this.mfaAt = session.mfaAt().orElse(null);
        }

        @Serial
        private Object readResolve() throws InvalidObjectException {
            try {
                IamPrincipal principal = new IamPrincipal(arn, accountId, Optional.ofNullable(userName), userId,
                        List.of(groups), Map.copyOf(tags));
                MfaEvidence mfa = mfaAt == null ? MfaEvidence.NOT_USED : MfaEvidence.usedAt(mfaAt);
                return new IamSession(new Caller(principal, mfa), signedInAt);
            } catch (RuntimeException e) {
                InvalidObjectException invalid = new InvalidObjectException("invalid serialized IamSession");
                invalid.initCause(e);
                throw invalid;
            }
        }
    }
}
