package dev.iamgate.servlet.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The session value itself: what containers that persist or replicate sessions do with it. */
class IamSessionTest {

    private static final IamPrincipal ALICE = new IamPrincipal("arn:aws:iam::123456789012:user/alice",
            "123456789012", Optional.of("alice"), "AIDAALICE", List.of("devs", "ops"), Map.of("team", "blue"));

    @Test
    void survivesSerializationAsContainersPersistSessions() throws Exception {
        IamSession session = IamSession.signedIn(ALICE, Instant.parse("2026-11-29T10:00:00Z"))
                .withMfaAt(Instant.parse("2026-11-29T10:00:20Z"));

        assertThat(roundTrip(session)).isEqualTo(session);
        IamSession withoutMfa = IamSession.signedIn(ALICE, Instant.parse("2026-11-29T10:00:00Z"));
        assertThat(roundTrip(withoutMfa)).isEqualTo(withoutMfa);
        assertThat(((IamSession) roundTrip(withoutMfa)).mfaAt()).isEmpty();
    }

    @Test
    void aSessionIsNeverALongTermCredential() {
        assertThatIllegalArgumentException().isThrownBy(
                () -> new IamSession(new Caller(ALICE, MfaEvidence.LONG_TERM), Instant.EPOCH));
    }

    @Test
    void signingInLeavesMfaNotUsedAndRecordingItKeepsTheSignInTime() {
        Instant signIn = Instant.parse("2026-11-29T10:00:00Z");
        IamSession session = IamSession.signedIn(ALICE, signIn);

        assertThat(session.caller().mfa()).isEqualTo(MfaEvidence.NOT_USED);
        IamSession mfa = session.withMfaAt(signIn.plusSeconds(5));
        assertThat(mfa.signedInAt()).isEqualTo(signIn);
        assertThat(mfa.mfaAt()).contains(signIn.plusSeconds(5));
        assertThat(mfa.principal()).isEqualTo(ALICE);
    }

    private static Object roundTrip(Object value) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(value);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            return in.readObject();
        }
    }
}
