package dev.iamgate.servlet.session;

import dev.iamgate.servlet.Caller;
import dev.iamgate.servlet.IamPrincipal;
import dev.iamgate.servlet.MfaEvidence;
import dev.iamgate.servlet.spi.PrincipalResolver;
import jakarta.servlet.http.HttpServletRequest;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Resolves the caller from the container's authentication ({@link HttpServletRequest#getUserPrincipal()}:
 * BASIC, FORM, client certificates, JAAS…), as an IAM user of a configured account. The user name
 * and the user id are both the container principal's name; optionally container roles become IAM
 * groups, whose policies then apply.
 *
 * <p>MFA: container authentication says nothing about a second factor, so the caller gets {@link
 * MfaEvidence#NOT_USED}: a session without MFA, {@code aws:MultiFactorAuthPresent} {@code "false"}.
 * Policies that require MFA therefore deny such callers, which is the safe reading. Applications that
 * do MFA should sign users in with {@link IamSessions} instead.
 *
 * <p>A principal whose name is not a valid IAM user name (1 to 64 of {@code A-Z a-z 0-9 + = , . @ _ -})
 * is not recognised, because it would not make a well-formed ARN.
 */
public final class ContainerPrincipalResolver implements PrincipalResolver {

    private static final Pattern ACCOUNT_ID = Pattern.compile("[0-9]{12}");
    private static final Pattern USER_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");

    private final String accountId;
    private final List<String> groupRoles;

    /** Container users become IAM users of {@code accountId}, without groups. */
    public ContainerPrincipalResolver(String accountId) {
        this(accountId, List.of());
    }

    /**
     * Container users become IAM users of {@code accountId}; each role of {@code groupRoles} the user
     * is in ({@link HttpServletRequest#isUserInRole}) becomes an IAM group of the same name.
     */
    public ContainerPrincipalResolver(String accountId, List<String> groupRoles) {
        Objects.requireNonNull(accountId, "accountId");
        if (!ACCOUNT_ID.matcher(accountId).matches()) {
            throw new IllegalArgumentException("an account id has 12 digits: " + accountId);
        }
        this.accountId = accountId;
        this.groupRoles = List.copyOf(groupRoles);
    }

    @Override
    public Optional<Caller> resolve(HttpServletRequest request) {
        Principal user = request.getUserPrincipal();
        if (user == null || user.getName() == null || !USER_NAME.matcher(user.getName()).matches()) {
            return Optional.empty();
        }
        String name = user.getName();
        List<String> groups = groupRoles.isEmpty() ? List.of() : groupsOf(request);
        IamPrincipal principal = new IamPrincipal("arn:aws:iam::" + accountId + ":user/" + name, accountId,
                Optional.of(name), name, groups, Map.of());
        return Optional.of(new Caller(principal, MfaEvidence.NOT_USED));
    }

    private List<String> groupsOf(HttpServletRequest request) {
        List<String> groups = new ArrayList<>(groupRoles.size());
        for (String role : groupRoles) {
            if (request.isUserInRole(role)) {
                groups.add(role);
            }
        }
        return groups;
    }

    @Override
    public String toString() {
        return "ContainerPrincipalResolver[account=" + accountId + ", groupRoles=" + groupRoles + "]";
    }
}
