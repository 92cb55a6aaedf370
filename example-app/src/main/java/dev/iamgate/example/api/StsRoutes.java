package dev.iamgate.example.api;

import dev.iamgate.example.credentials.SessionTokens;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.mfa.VirtualMfaDevices;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.MfaEvidence;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/**
 * sts:GetSessionToken, an authenticated-only route: no policy decides it, as in AWS. It needs a
 * long-term credential (an access key); with a serial number and a valid code from that device
 * the temporary credentials carry MFA, from the moment of the check.
 */
final class StsRoutes {

    /** GetSessionToken. */
    record SessionTokenRequest(String serialNumber, String tokenCode, Integer durationSeconds) {}

    private final SessionTokens sessionTokens;
    private final VirtualMfaDevices devices;
    private final Attempts attempts;
    private final InstantSource clock;

    StsRoutes(SessionTokens sessionTokens, VirtualMfaDevices devices, Attempts attempts, InstantSource clock) {
        this.sessionTokens = sessionTokens;
        this.devices = devices;
        this.attempts = attempts;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("POST", "/api/sts/session-token", this::getSessionToken);
    }

    private Reply getSessionToken(ApiRequest request) throws IOException {
        Caller caller = request.caller();
        if (!(caller.mfa() instanceof MfaEvidence.LongTerm)) {
            throw new IamException(ErrorCode.ACCESS_DENIED,
                    "Cannot call GetSessionToken with session credentials: use an access key.");
        }
        String userName = caller.principal().userName().orElseThrow(() -> new IamException(ErrorCode.INVALID_USER_TYPE,
                "Only IAM users can call GetSessionToken here."));
        SessionTokenRequest body = request.optionalBody(SessionTokenRequest.class);
        Duration duration = SessionTokens.duration(body.durationSeconds());
        if ((body.serialNumber() == null) != (body.tokenCode() == null)) {
            throw IamException.invalidInput("SerialNumber and TokenCode go together: give both or neither.");
        }
        Optional<Instant> mfaAt = Optional.empty();
        if (body.serialNumber() != null) {
            attempts.guarded(userName, request.address(), () -> {
                if (!devices.verify(userName, Optional.of(body.serialNumber()), body.tokenCode())) {
                    throw new IamException(ErrorCode.ACCESS_DENIED,
                            "MultiFactorAuthentication failed with invalid MFA one time pass code.");
                }
            });
            mfaAt = Optional.of(clock.instant());
        }
        return Reply.ok(Map.of("Credentials", sessionTokens.issue(userName, duration, mfaAt)));
    }
}
