package dev.iamgate.internal.validate;

import dev.iamgate.policy.ActionElement;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.SetQualifier;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import java.util.Optional;

/**
 * Grants wider than they look: every action on every resource, iam:PassRole on any role, and the
 * MFA Deny that misses long-term access keys.
 */
final class GrantChecks implements PolicyCheck {

    private static final String PASS_ROLE = "iam:PassRole";
    private static final String MFA_PRESENT = "aws:MultiFactorAuthPresent";

    @Override
    public void check(PolicyContext context, Findings findings) {
        for (Statement statement : context.policy().statements()) {
            if (statement.effect() == Effect.ALLOW) {
                allow(statement, findings);
            } else {
                mfaDeny(statement, findings);
            }
        }
    }

    private static void allow(Statement statement, Findings findings) {
        ActionElement action = statement.action();
        if (action.negated() || statement.resource().isEmpty()) {
            return; // NotAction has checks of its own; no resource: not an identity grant
        }
        ResourceElement resource = statement.resource().get();
        Optional<TextValue> star = resource.negated() ? Optional.empty()
                : resource.patterns().stream().filter(p -> p.text().equals("*")).findFirst();
        Optional<TextValue> everything = action.patterns().stream()
                .filter(p -> PatternCover.covers(p.text(), "*:*", true)).findFirst();
        if (everything.isPresent() && star.isPresent()) {
            findings.report(CheckId.ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES, everything.get().location(),
                    "Allow of " + Quote.of(everything.get().text()) + " on Resource \"*\" grants"
                            + " full administrator access.");
        }
        Optional<TextValue> literal = action.patterns().stream()
                .filter(p -> p.text().equalsIgnoreCase(PASS_ROLE)).findFirst();
        Optional<TextValue> wildcard = action.patterns().stream()
                .filter(p -> !p.text().equalsIgnoreCase(PASS_ROLE)
                        && PatternCover.covers(p.text(), PASS_ROLE, true))
                .findFirst();
        if (star.isPresent()) {
            if (literal.isPresent()) {
                findings.report(CheckId.PASS_ROLE_WITH_STAR_IN_RESOURCE, star.get().location(),
                        "iam:PassRole on Resource \"*\" lets the caller pass any role, and its"
                                + " permissions, to a service.");
            } else if (wildcard.isPresent()) {
                findings.report(CheckId.PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE,
                        wildcard.get().location(), Quote.of(wildcard.get().text())
                                + " includes iam:PassRole and is allowed on Resource \"*\", so any"
                                + " role can be passed to a service.");
            }
        }
        if (resource.negated() && (literal.isPresent() || wildcard.isPresent())) {
            TextValue pattern = literal.orElseGet(wildcard::get);
            findings.report(CheckId.PASS_ROLE_WITH_NOT_RESOURCE, pattern.location(),
                    Quote.of(pattern.text()) + " with NotResource lets the caller pass every role"
                            + " not listed to a service.");
        }
    }

    private static void mfaDeny(Statement statement, Findings findings) {
        for (Condition condition : statement.conditions()) {
            if (condition.operator().type() == OperatorType.BOOL
                    && condition.operator().qualifier() == SetQualifier.NONE
                    && !condition.operator().ifExists()
                    && condition.key().text().equalsIgnoreCase(MFA_PRESENT)
                    && condition.values().stream().anyMatch(v -> v.text().equalsIgnoreCase("false"))) {
                findings.report(CheckId.DENY_BOOL_MFA_FALSE, condition.location(), "Deny with Bool "
                        + MFA_PRESENT + " false does not deny requests signed with long-term access"
                        + " keys, which carry no such key; use BoolIfExists.");
            }
        }
    }
}
