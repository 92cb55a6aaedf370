package dev.iamgate.internal.validate;

import dev.iamgate.policy.Effect;
import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.Statement;
import dev.iamgate.validate.PolicyKind;

/**
 * Which elements a statement has, given the kind of policy: Principal and Resource required or
 * forbidden, and the negated elements (NotAction, NotResource, NotPrincipal) under Allow.
 */
final class ElementChecks implements PolicyCheck {

    @Override
    public void check(PolicyContext context, Findings findings) {
        PolicyKind kind = context.kind();
        for (Statement statement : context.policy().statements()) {
            principal(kind, statement, findings);
            resource(kind, statement, findings);
            if (statement.effect() == Effect.ALLOW) {
                negatedUnderAllow(statement, findings);
            }
        }
    }

    private static void principal(PolicyKind kind, Statement statement, Findings findings) {
        boolean required = kind == PolicyKind.RESOURCE || kind == PolicyKind.TRUST
                || kind == PolicyKind.RESOURCE_CONTROL;
        if (statement.principal().isEmpty()) {
            if (required) {
                findings.report(CheckId.MISSING_PRINCIPAL, statement.location(), "Statement "
                        + Quote.name(statement.displayName()) + " names no Principal; " + aDescription(kind)
                        + " must say whom it applies to.");
            }
            return;
        }
        PrincipalElement principal = statement.principal().get();
        if (!required) {
            String what = aDescription(kind);
            findings.report(CheckId.UNSUPPORTED_PRINCIPAL, principal.location(),
                    Character.toUpperCase(what.charAt(0)) + what.substring(1) + " cannot have "
                            + principal.elementName()
                            + ": it applies to the principal it is attached to.");
        } else if (kind == PolicyKind.TRUST && principal.negated()) {
            findings.report(CheckId.UNSUPPORTED_ELEMENT_IN_TRUST_POLICY, principal.location(),
                    "A role trust policy cannot use NotPrincipal; name the trusted principals.");
        }
    }

    private static void resource(PolicyKind kind, Statement statement, Findings findings) {
        if (statement.resource().isEmpty()) {
            if (kind == PolicyKind.IDENTITY || kind == PolicyKind.PERMISSIONS_BOUNDARY
                    || kind == PolicyKind.SESSION) {
                findings.report(CheckId.MISSING_RESOURCE, statement.location(), "Statement "
                        + Quote.name(statement.displayName()) + " has neither Resource nor NotResource.");
            }
            return;
        }
        ResourceElement resource = statement.resource().get();
        if (kind == PolicyKind.TRUST) {
            findings.report(CheckId.UNSUPPORTED_ELEMENT_IN_TRUST_POLICY, resource.location(),
                    "A role trust policy cannot have " + resource.elementName()
                            + ": its resource is the role itself.");
        }
    }

    private static void negatedUnderAllow(Statement statement, Findings findings) {
        boolean starResource = statement.resource()
                .filter(r -> !r.negated() && r.patterns().stream().anyMatch(p -> p.text().equals("*")))
                .isPresent();
        if (statement.action().negated()) {
            findings.report(CheckId.ALLOW_WITH_NOT_ACTION, statement.action().location(),
                    "Allow with NotAction grants every action not listed, in every service"
                            + (starResource ? ", on every resource." : "."));
        }
        statement.resource().filter(ResourceElement::negated).ifPresent(r ->
                findings.report(CheckId.ALLOW_WITH_NOT_RESOURCE, r.location(),
                        "Allow with NotResource grants the actions on every resource not listed"
                                + (!statement.action().negated() && statement.action().patterns()
                                        .stream().anyMatch(p -> p.text().equals("*"))
                                        ? ", for every action." : ".")));
        statement.principal().filter(PrincipalElement::negated).ifPresent(p ->
                findings.report(CheckId.ALLOW_WITH_NOT_PRINCIPAL, p.location(), "Allow with"
                        + " NotPrincipal grants to every principal not listed, anonymous callers"
                        + " included."));
    }

    /** "an identity-based policy", "a session policy". */
    static String aDescription(PolicyKind kind) {
        String description = describe(kind);
        return ("aeiou".indexOf(description.charAt(0)) >= 0 ? "an " : "a ") + description;
    }

    static String describe(PolicyKind kind) {
        return switch (kind) {
            case IDENTITY -> "identity-based policy";
            case PERMISSIONS_BOUNDARY -> "permissions boundary";
            case TRUST -> "role trust policy";
            case RESOURCE -> "resource-based policy";
            case SERVICE_CONTROL -> "service control policy";
            case RESOURCE_CONTROL -> "resource control policy";
            case SESSION -> "session policy";
        };
    }
}
