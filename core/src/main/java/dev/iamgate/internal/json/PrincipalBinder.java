package dev.iamgate.internal.json;

import dev.iamgate.internal.json.JsonValue.JsonObject;
import dev.iamgate.internal.json.JsonValue.JsonScalar;
import dev.iamgate.internal.json.JsonValue.Member;
import dev.iamgate.policy.PolicyProblem;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.PrincipalType;
import dev.iamgate.policy.TextValue;

import java.util.ArrayList;
import java.util.List;

/**
 * Binds a {@code Principal} or {@code NotPrincipal} value: a bare {@code "*"}, or a map from
 * principal type to one principal or an array of them.
 */
final class PrincipalBinder {

    private static final String WILDCARD = "*";

    private PrincipalBinder() {}

    static List<PrincipalId> principals(JsonValue value, String element, Expect expect) {
        if (value instanceof JsonScalar scalar
                && scalar.isString()
                && scalar.text().equals(WILDCARD)) {
            return List.of(
                    new PrincipalId(
                            PrincipalType.ANYONE, new TextValue(WILDCARD, scalar.location())));
        }
        if (!(value instanceof JsonObject map)) {
            String found =
                    value instanceof JsonScalar scalar && scalar.isString()
                            ? Texts.quote(scalar.text())
                            : value.kindName();
            throw expect.fail(
                    value.location(),
                    PolicyProblem.INVALID_PRINCIPAL,
                    element + " must be \"*\" or an object such as {\"AWS\": ...}, found " + found);
        }
        List<PrincipalId> principals = new ArrayList<>();
        for (Member member : map.members()) {
            PrincipalType type =
                    PrincipalType.fromMapKey(member.name())
                            .orElseThrow(
                                    () ->
                                            expect.fail(
                                                    member.nameLocation(),
                                                    PolicyProblem.INVALID_PRINCIPAL,
                                                    "unknown principal type "
                                                            + Texts.quote(member.name())
                                                            + "; expected AWS, Service, Federated"
                                                            + " or CanonicalUser"));
            for (TextValue principal : expect.strings(member.value(), element, member.name())) {
                principals.add(new PrincipalId(type, check(principal, element, expect)));
            }
        }
        if (principals.isEmpty()) {
            throw expect.fail(
                    value.location(),
                    PolicyProblem.INVALID_PRINCIPAL,
                    element + " names no principal");
        }
        return principals;
    }

    private static TextValue check(TextValue principal, String element, Expect expect) {
        String text = principal.text();
        if (text.isEmpty()) {
            throw expect.fail(
                    principal.location(),
                    PolicyProblem.INVALID_PRINCIPAL,
                    element + " is an empty string");
        }
        // IAM matches principals exactly; only a principal that is exactly "*" is a wildcard
        if (text.indexOf('*') >= 0 && !text.equals(WILDCARD)) {
            throw expect.fail(
                    principal.location(),
                    PolicyProblem.INVALID_PRINCIPAL,
                    element
                            + " "
                            + Texts.quote(text)
                            + " has a partial wildcard; only a bare \"*\" is allowed");
        }
        return principal;
    }
}
