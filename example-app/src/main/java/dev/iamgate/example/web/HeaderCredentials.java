package dev.iamgate.example.web;

import dev.iamgate.example.credentials.AccessKeys;
import dev.iamgate.example.credentials.SessionTokens;
import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.security.Throttle;
import dev.iamgate.example.users.User;
import dev.iamgate.example.users.Users;
import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.Base64;
import java.util.Optional;

/**
 * Authenticates API clients that send credentials in headers: {@code Authorization: Basic
 * base64(AccessKeyId:SecretAccessKey)}, plus {@code X-Amz-Security-Token} for temporary credentials.
 *
 * <p>An access key ({@code AKIA…}) is a long-term credential: {@link MfaEvidence#LONG_TERM}, so the MFA
 * keys are absent, exactly as in AWS. Temporary credentials ({@code ASIA…}) carry MFA if a code was
 * checked when they were issued ({@link MfaEvidence#usedAt}) and {@link MfaEvidence#NOT_USED}
 * otherwise. Failures count against the key id and the address in the {@link Throttle}.
 */
public final class HeaderCredentials {

    private static final String INVALID = "The security token included in the request is invalid.";

    private final Account account;
    private final AccessKeys accessKeys;
    private final SessionTokens sessionTokens;
    private final Users users;
    private final Throttle throttle;

    public HeaderCredentials(Account account, AccessKeys accessKeys, SessionTokens sessionTokens, Users users,
            Throttle throttle) {
        this.account = account;
        this.accessKeys = accessKeys;
        this.sessionTokens = sessionTokens;
        this.users = users;
        this.throttle = throttle;
    }

    /**
     * The caller these headers stand for.
     *
     * @param authorization the {@code Authorization} header
     * @param securityToken the {@code X-Amz-Security-Token} header, or null
     * @param service the service the request is for, recorded as the access key's last use
     * @param address the client's address, for the throttle
     * @throws IamException {@code InvalidClientTokenId} (401) for anything but valid credentials,
     *     {@code ExpiredToken} (401), {@code Throttling} (429)
     */
    public Caller authenticate(String authorization, String securityToken, String service, String address) {
        String[] idAndSecret = basic(authorization);
        String id = idAndSecret[0];
        String secret = idAndSecret[1];
        // check and failed, not begin: valid keys sign requests in parallel (see Throttle.check)
        throttle.check(id, address);
        Optional<Caller> caller = Optional.empty();
        if (id.startsWith("AKIA") && securityToken == null) {
            caller = accessKeys.authenticate(id, secret, service)
                    .map(userName -> new Caller(principal(userName), MfaEvidence.LONG_TERM));
        } else if (id.startsWith("ASIA") && securityToken != null) {
            caller = sessionTokens.authenticate(id, secret, securityToken)
                    .map(holder -> new Caller(principal(holder.userName()),
                            holder.mfaAt().map(MfaEvidence::usedAt).orElse(MfaEvidence.NOT_USED)));
        }
        if (caller.isEmpty()) {
            throttle.failed(id, address);
            throw new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID, INVALID);
        }
        return caller.get();
    }

    private IamPrincipal principal(String userName) {
        User user = users.get(userName);
        return IamPrincipal.user(account.id(), user.userName(), user.userId());
    }

    /** The key id and secret of a Basic header; refuses anything else. */
    private static String[] basic(String authorization) {
        if (authorization.length() < 6 || !authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            throw new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID,
                    "Send credentials as Authorization: Basic base64(AccessKeyId:SecretAccessKey).");
        }
        String decoded;
        try {
            byte[] raw = Base64.getDecoder().decode(authorization.substring(6).strip());
            decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(raw)).toString();
        } catch (IllegalArgumentException | CharacterCodingException e) {
            throw new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID, INVALID);
        }
        int colon = decoded.indexOf(':');
        if (colon < 1 || colon == decoded.length() - 1 || colon > 128) {
            throw new IamException(ErrorCode.INVALID_CLIENT_TOKEN_ID, INVALID);
        }
        return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
    }
}
