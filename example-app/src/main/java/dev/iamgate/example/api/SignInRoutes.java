package dev.iamgate.example.api;

import static dev.iamgate.example.api.Parameters.required;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.mfa.VirtualMfaDevices;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.users.Passwords;
import dev.iamgate.example.users.User;
import dev.iamgate.example.users.Users;
import dev.iamgate.example.web.CsrfTokens;
import dev.iamgate.example.web.SessionStamps;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import dev.iamgate.servlet.session.IamSession;
import dev.iamgate.servlet.session.IamSessions;
import java.io.IOException;
import java.time.InstantSource;
import java.util.Optional;

/**
 * Signing in and out of a browser session (public routes: authentication itself), and the
 * session's own description (authenticated-only, like sts:GetCallerIdentity).
 *
 * <p>The password step signs the user in without MFA ({@link IamSessions#signIn}); a user with an
 * enabled MFA device then completes MFA with a code ({@link IamSessions#recordMfa}). Until then
 * the seed policy lets the session do only what it lists. Each step rotates the session id.
 */
final class SignInRoutes {

    /** Sign-in request. */
    record SignInRequest(String userName, String password) {}

    /** MFA step request. */
    record MfaRequest(String authenticationCode) {}

    /**
     * The answer to each sign-in step.
     *
     * @param mfaRequired whether the user must still send an MFA code
     * @param csrfToken the token state-changing requests of this session carry in {@code X-CSRF-Token}
     * @param userName who signed in
     * @param arn the user's ARN
     */
    record SignInReply(boolean mfaRequired, String csrfToken, String userName, String arn) {}

    /** Who the caller is (any kind of caller). */
    record SessionReply(String userName, String arn, String accountId, boolean mfaAuthenticated, String csrfToken) {}

    private final Account account;
    private final Users users;
    private final Passwords passwords;
    private final VirtualMfaDevices devices;
    private final RandomSecrets random;
    private final Attempts attempts;
    private final InstantSource clock;

    SignInRoutes(Account account, Users users, Passwords passwords, VirtualMfaDevices devices, RandomSecrets random,
            Attempts attempts, InstantSource clock) {
        this.account = account;
        this.users = users;
        this.passwords = passwords;
        this.devices = devices;
        this.random = random;
        this.attempts = attempts;
        this.clock = clock;
    }

    void register(Router router) {
        router.add("POST", "/api/login", this::signIn);
        router.add("POST", "/api/login/mfa", this::completeMfa);
        router.add("POST", "/api/logout", this::signOut);
        router.add("GET", "/api/session", this::session);
    }

    private Reply signIn(ApiRequest request) throws IOException {
        SignInRequest body = request.body(SignInRequest.class);
        String userName = required("UserName", body.userName());
        String password = required("Password", body.password());
        // Read before the check: a password changed meanwhile leaves the session with a stale stamp, ended.
        Optional<String> stamp = passwords.stamp(userName);
        attempts.guarded(userName, request.address(), () -> {
            if (passwords.check(userName, password).isEmpty()) {
                throw new IamException(ErrorCode.INVALID_CREDENTIALS,
                        "Your authentication information is incorrect. Please try again.");
            }
        });
        User user = users.get(userName);
        IamSessions.signIn(request.http(), IamPrincipal.user(account.id(), user.userName(), user.userId()), clock);
        SessionStamps.stamp(request.http().getSession(false), stamp);
        String csrf = CsrfTokens.issue(request.http().getSession(false), random.token());
        return Reply.ok(new SignInReply(devices.hasEnabledDevice(userName), csrf, user.userName(), user.arn()));
    }

    private Reply completeMfa(ApiRequest request) throws IOException {
        IamSession session = IamSessions.current(request.http()).orElseThrow(() ->
                new IamException(ErrorCode.NOT_AUTHENTICATED, "Sign in with your password first."));
        String userName = session.principal().userName().orElseThrow();
        String code = required("AuthenticationCode", request.body(MfaRequest.class).authenticationCode());
        attempts.guarded(userName, request.address(), () -> {
            if (!devices.verify(userName, Optional.empty(), code)) {
                throw new IamException(ErrorCode.INVALID_AUTHENTICATION_CODE, "The MFA code is not valid.");
            }
        });
        IamSessions.recordMfa(request.http(), clock);
        return Reply.ok(new SignInReply(false, CsrfTokens.of(request.http()).orElse(null), userName,
                session.principal().arn()));
    }

    private Reply signOut(ApiRequest request) {
        IamSessions.signOut(request.http());
        return Reply.noContent();
    }

    private Reply session(ApiRequest request) {
        Caller caller = request.caller();
        IamPrincipal principal = caller.principal();
        return Reply.ok(new SessionReply(principal.userName().orElse(null), principal.arn(), principal.accountId(),
                caller.mfa() instanceof MfaEvidence.Used, CsrfTokens.of(request.http()).orElse(null)));
    }
}
