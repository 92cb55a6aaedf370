package dev.iamgate.servlet;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The IAM identity behind a request: what the filter puts into {@code aws:PrincipalArn},
 * {@code aws:username}, {@code aws:userid}, {@code aws:PrincipalAccount} and
 * {@code aws:PrincipalTag/*}, and what policy sources use to find the caller's policies. Holds no
 * secret.
 *
 * @param arn e.g. {@code arn:aws:iam::123456789012:user/alice}
 * @param accountId the 12-digit account
 * @param userName the IAM user's friendly name; empty for principals that are not IAM users
 * @param userId the unique id ({@code AIDA…} for a user)
 * @param groups the IAM groups the user belongs to, whose policies apply too
 * @param tags the principal's tags
 */
public record IamPrincipal(
        String arn, String accountId, Optional<String> userName, String userId, List<String> groups, Map<String, String> tags) {

    public IamPrincipal {
        Objects.requireNonNull(arn, "arn");
        Objects.requireNonNull(accountId, "accountId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(userId, "userId");
        groups = List.copyOf(groups);
        tags = Map.copyOf(tags);
    }

    /**
     * The ARN's hash: principals are cache keys looked up on every request, and the ARN's hash is
     * cached by the string, whereas the record's own hash would go through every component,
     * groups and tags included, each time. Equal principals have equal ARNs, so this agrees with
     * {@link #equals}.
     */
    @Override
    public int hashCode() {
        return arn.hashCode();
    }

    /**
     * Equal in every component, as a record is; written out because the cache compares the
     * session's principal with its key on every request, and the generated equals (method handles
     * over six components) showed up in the filter's profile. The ARN, which tells principals
     * apart, is compared first.
     */
    @Override
    public boolean equals(Object other) {
        if (this == other) {
            return true;
        }
        return other instanceof IamPrincipal that
                && arn.equals(that.arn)
                && userId.equals(that.userId)
                && accountId.equals(that.accountId)
                && userName.equals(that.userName)
                && groups.equals(that.groups)
                && tags.equals(that.tags);
    }

    /** An IAM user of an account, without groups or tags. */
    public static IamPrincipal user(String accountId, String userName, String userId) {
        return new IamPrincipal("arn:aws:iam::" + accountId + ":user/" + userName, accountId, Optional.of(userName),
                userId, List.of(), Map.of());
    }
}
