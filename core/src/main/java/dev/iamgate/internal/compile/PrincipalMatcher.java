package dev.iamgate.internal.compile;

import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.PrincipalType;
import java.util.List;
import java.util.Optional;

/**
 * A resource-based policy statement's {@code Principal}/{@code NotPrincipal}, compiled.
 *
 * <p>In {@code Principal}, an account ({@code 123456789012} or its {@code :root} ARN) names every
 * principal of the account, but only as a delegation to the account's own policies. In
 * {@code NotPrincipal}, it excludes the account's root user only: AWS documents that the users of
 * an account are not excluded by naming the account, so each must be listed.
 */
final class PrincipalMatcher {

    private static final PrincipalMatcher ABSENT = new PrincipalMatcher(false, List.of(), true);

    private final boolean negated;
    private final List<PrincipalId> principals;
    private final boolean absent;

    private PrincipalMatcher(boolean negated, List<PrincipalId> principals, boolean absent) {
        this.negated = negated;
        this.principals = principals;
        this.absent = absent;
    }

    static PrincipalMatcher of(Optional<PrincipalElement> element) {
        return element.map(e -> new PrincipalMatcher(e.negated(), e.principals(), false)).orElse(ABSENT);
    }

    boolean isNegated() {
        return negated;
    }

    /**
     * How the caller matches. A statement without any principal element (an identity-style
     * statement placed in a resource policy) names nobody.
     */
    PrincipalMatch match(String caller) {
        if (absent) {
            return PrincipalMatch.NONE;
        }
        if (negated) {
            for (PrincipalId id : principals) {
                if (excludes(id, caller)) {
                    return PrincipalMatch.NONE;
                }
            }
            return PrincipalMatch.DIRECT;
        }
        PrincipalMatch best = PrincipalMatch.NONE;
        for (PrincipalId id : principals) {
            best = best.strongest(matchOne(id, caller));
        }
        return best;
    }

    private static boolean excludes(PrincipalId id, String caller) {
        String value = id.value().text();
        if (id.type() == PrincipalType.ANYONE || (id.type() == PrincipalType.AWS && value.equals("*"))) {
            return true;
        }
        if (id.type() == PrincipalType.AWS && isAccountId(value)) {
            return caller.equals("arn:" + Arns.partition(caller) + ":iam::" + value + ":root");
        }
        return value.equals(caller);
    }

    private static PrincipalMatch matchOne(PrincipalId id, String caller) {
        String value = id.value().text();
        switch (id.type()) {
            case ANYONE:
                return PrincipalMatch.DIRECT;
            case SERVICE:
            case FEDERATED:
            case CANONICAL_USER:
                return value.equals(caller) ? PrincipalMatch.DIRECT : PrincipalMatch.NONE;
            case AWS:
            default:
                return matchAws(value, caller);
        }
    }

    private static PrincipalMatch matchAws(String value, String caller) {
        if (value.equals("*") || value.equals(caller)) {
            return PrincipalMatch.DIRECT;
        }
        String account = accountOf(value);
        if (account != null) {
            return !account.isEmpty() && account.equals(Arns.account(caller)) ? PrincipalMatch.ACCOUNT : PrincipalMatch.NONE;
        }
        String callerResource = Arns.resource(caller);
        if (!Arns.account(value).equals(Arns.account(caller))) {
            return PrincipalMatch.NONE;
        }
        String valueResource = Arns.resource(value);
        if (callerResource.startsWith("assumed-role/") && valueResource.startsWith("role/")) {
            String roleName = valueResource.substring(valueResource.lastIndexOf('/') + 1);
            String sessionRole = callerResource.substring("assumed-role/".length());
            int slash = sessionRole.indexOf('/');
            if (slash > 0 && sessionRole.substring(0, slash).equals(roleName)) {
                return PrincipalMatch.SESSION_ROLE;
            }
        }
        if (callerResource.startsWith("federated-user/") && valueResource.startsWith("user/")) {
            String userName = valueResource.substring(valueResource.lastIndexOf('/') + 1);
            if (callerResource.substring("federated-user/".length()).equals(userName)) {
                return PrincipalMatch.SESSION_USER;
            }
        }
        return PrincipalMatch.NONE;
    }

    /** The account an AWS principal value names as a whole, or null when it names something narrower. */
    private static String accountOf(String value) {
        if (isAccountId(value)) {
            return value;
        }
        if (Arns.service(value).equals("iam") && Arns.resource(value).equals("root")) {
            return Arns.account(value);
        }
        return null;
    }

    private static boolean isAccountId(String value) {
        if (value.length() != 12) {
            return false;
        }
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) < '0' || value.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }
}
