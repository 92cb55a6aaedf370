package dev.iamgate.internal.validate;

import static dev.iamgate.validate.Severity.ERROR;
import static dev.iamgate.validate.Severity.SECURITY_WARNING;
import static dev.iamgate.validate.Severity.SUGGESTION;
import static dev.iamgate.validate.Severity.WARNING;

import dev.iamgate.validate.CheckInfo;
import dev.iamgate.validate.Severity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Every check of the validator. The check name is the constant's name in kebab case, so a name
 * cannot be misspelled where findings are made; the first sixteen are the parser's {@link
 * dev.iamgate.policy.PolicyProblem}s under their own check names.
 */
public enum CheckId {
    // What the parser rejects (IAM's "Syntax errors in policy" and friends).
    JSON_SYNTAX(ERROR, "The document is not JSON.", "Fix the JSON syntax at the position shown."),
    DUPLICATE_KEY(ERROR, "The same key appears twice in one JSON object.",
            "Merge the two entries; put all keys of one condition operator in one block."),
    UNKNOWN_ELEMENT(ERROR, "An element IAM does not know, such as Actions.",
            "Use one of Version, Id, Statement and the statement elements, spelled exactly."),
    WRONG_TYPE(ERROR, "A value of the wrong JSON type, such as a number for Effect.",
            "Write the value as the policy grammar asks: a string, an array or an object."),
    MISSING_STATEMENT(ERROR, "The policy has no Statement, or an empty one.",
            "Add at least one statement."),
    INVALID_VERSION(ERROR, "Version is neither 2012-10-17 nor 2008-10-17.",
            "Write \"Version\": \"2012-10-17\"."),
    MISSING_EFFECT(ERROR, "A statement has no Effect.", "Add \"Effect\": \"Allow\" or \"Deny\"."),
    INVALID_EFFECT(ERROR, "Effect is not exactly Allow or Deny.",
            "Write Allow or Deny with that capitalization."),
    MISSING_ACTION(ERROR, "A statement has no Action or NotAction, or an empty one.",
            "List the actions the statement is about."),
    CONFLICTING_ELEMENTS(ERROR, "A statement has an element and its negation (Action and NotAction).",
            "Keep only one of the two."),
    EMPTY_RESOURCE(ERROR, "Resource or NotResource is an empty array.",
            "List at least one resource, or \"*\"."),
    UNKNOWN_OPERATOR(ERROR, "A condition operator IAM does not know.",
            "Use an operator of the IAM reference, spelled exactly; see the suggestion."),
    INVALID_ARN(ERROR, "A resource that is neither \"*\" nor an ARN.",
            "Write arn:partition:service:region:account:resource."),
    INVALID_PRINCIPAL(ERROR, "A Principal IAM would not accept (bad form, type or wildcard).",
            "Write \"*\" or a map of AWS, Service, Federated or CanonicalUser principals."),
    DOCUMENT_TOO_LARGE(ERROR, "The document is longer than the parser accepts.",
            "Split the policy; IAM's own limits are far lower."),
    NESTING_TOO_DEEP(ERROR, "JSON nested deeper than any policy needs.",
            "Remove the extra nesting."),
    NULL_WITH_IF_EXISTS(ERROR, "NullIfExists is not an operator.",
            "Use Null: it already tests whether the key exists."),

    // The document as a whole.
    POLICY_SIZE_EXCEEDED(ERROR, "The policy is longer than its kind allows.",
            "Shorten it: merge statements, use wildcards, or split it into several policies."),
    INVALID_CHARACTERS(ERROR, "A character outside tab, LF, CR and U+0020 to U+00FF.",
            "Replace the character; IAM rejects it."),
    MISSING_VERSION(WARNING, "The policy has no Version, so it is read as 2008-10-17.",
            "Add \"Version\": \"2012-10-17\" as the first element."),
    UNSUPPORTED_VERSION(ERROR, "IAM requires Version 2012-10-17 for identity policies.",
            "Write \"Version\": \"2012-10-17\"."),

    // Sid.
    UNSUPPORTED_SID(ERROR, "A Sid with characters other than A-Z, a-z and 0-9.",
            "Remove spaces, hyphens and other punctuation from the Sid."),
    UNIQUE_SIDS_REQUIRED(ERROR, "Two statements have the same Sid; IAM rejects that.",
            "Give each statement its own Sid."),
    UNIQUE_SIDS_RECOMMENDED(WARNING, "Two statements have the same Sid.",
            "Give each statement its own Sid so that reports can tell them apart."),
    EMPTY_SID_VALUE(SUGGESTION, "The Sid is an empty string.", "Remove the Sid or name it."),

    // Which elements a statement must or must not have.
    UNSUPPORTED_PRINCIPAL(ERROR, "Principal in a policy attached to a principal.",
            "Remove Principal: an identity policy applies to whoever it is attached to."),
    MISSING_PRINCIPAL(ERROR, "A resource-based policy statement without Principal.",
            "Add the principals the statement is about."),
    MISSING_RESOURCE(ERROR, "A statement without Resource or NotResource.",
            "Add the resources the statement is about, or \"*\"."),
    UNSUPPORTED_ELEMENT_IN_TRUST_POLICY(ERROR, "Resource, NotResource or NotPrincipal in a trust"
            + " policy.", "Remove it: a trust policy is about the role itself."),
    ALLOW_WITH_NOT_PRINCIPAL(SECURITY_WARNING, "Allow with NotPrincipal grants to everyone else,"
            + " anonymous callers included.", "List the principals in Principal instead."),
    ALLOW_WITH_NOT_ACTION(SECURITY_WARNING, "Allow with NotAction grants every other action of"
            + " every service, present and future.", "List the allowed actions in Action."),
    ALLOW_WITH_NOT_RESOURCE(SECURITY_WARNING, "Allow with NotResource grants the actions on every"
            + " other resource.", "List the allowed resources in Resource."),

    // Actions and resources.
    INVALID_ACTION_FORMAT(ERROR, "An action that is not \"*\" or service:Action.",
            "Write the service prefix, a colon and the action name, e.g. s3:GetObject."),
    WILDCARD_IN_SERVICE_NAME(SUGGESTION, "A wildcard in a service prefix matches services you do"
            + " not know of.", "Name the service: s3:Get* rather than *:Get*."),
    INVALID_PARTITION(ERROR, "An ARN partition that does not exist.",
            "Use aws, aws-cn, aws-us-gov or another AWS partition."),
    INVALID_ARN_REGION(ERROR, "An IAM ARN with a region; IAM is global.",
            "Leave the region empty: arn:aws:iam::123456789012:user/name."),

    // Grants that are wider than they look.
    ALLOW_ALL_ACTIONS_ON_ALL_RESOURCES(SECURITY_WARNING, "Allow of every action on every resource:"
            + " full administrator access.", "Grant the actions and resources needed instead."),
    PASS_ROLE_WITH_STAR_IN_RESOURCE(SECURITY_WARNING, "Allow of iam:PassRole on every role.",
            "Name the roles that may be passed in Resource."),
    PASS_ROLE_WITH_STAR_IN_ACTION_AND_RESOURCE(SECURITY_WARNING, "A wildcard action that includes"
            + " iam:PassRole, allowed on every resource.",
            "Name the roles that may be passed, in a statement of their own."),
    PASS_ROLE_WITH_NOT_RESOURCE(SECURITY_WARNING, "Allow of iam:PassRole with NotResource:"
            + " every role not listed can be passed.", "Name the roles in Resource instead."),
    DENY_BOOL_MFA_FALSE(SECURITY_WARNING, "Deny with Bool aws:MultiFactorAuthPresent false misses"
            + " long-term access keys, where the key is absent.", "Use BoolIfExists."),

    // Condition operators and keys.
    NULL_WITH_QUALIFIER(SUGGESTION, "Null with ForAllValues or ForAnyValue.",
            "Use Null without a qualifier."),
    FOR_ALL_VALUES_WITH_SINGLE_VALUED_KEY(SECURITY_WARNING, "ForAllValues on a single-valued key is"
            + " also true when the key is absent.", "Drop ForAllValues: for a single value the"
            + " plain operator says the same without that gap."),
    FOR_ANY_VALUE_WITH_SINGLE_VALUED_KEY(SUGGESTION, "ForAnyValue on a single-valued key, where"
            + " a set qualifier means nothing.", "Use the plain operator; add IfExists if an absent"
            + " key should pass."),
    FOR_ANY_VALUE_WITH_NEGATED_OPERATOR(SECURITY_WARNING, "ForAnyValue with a negated operator is"
            + " true as soon as one value is not listed.", "Use ForAllValues with the negated"
            + " operator (none of), or ForAnyValue with the positive one in a Deny."),
    MISSING_QUALIFIER(ERROR, "A multivalued key without ForAllValues or ForAnyValue.",
            "Prefix the operator with ForAllValues: or ForAnyValue:."),
    TYPE_MISMATCH(WARNING, "The operator compares a different type than the key has.",
            "Use an operator of the key's type, e.g. DateGreaterThan for aws:CurrentTime."),
    INVALID_GLOBAL_CONDITION_KEY(ERROR, "An aws: condition key that does not exist.",
            "Correct the key name; see the suggestion."),
    INVALID_CONDITION_KEY_FORMAT(ERROR, "A condition key that is not prefix:name.",
            "Write the service prefix, a colon and the key name."),
    DEPRECATED_GLOBAL_CONDITION_KEY(WARNING, "A global condition key AWS has deprecated.",
            "Use the key named in the message."),
    DUPLICATE_KEYS_WITH_DIFFERENT_CASE(ERROR, "The same key twice under one operator, in different"
            + " case; keys ignore case.", "Merge the two entries."),

    // Condition values.
    TYPE_MISMATCH_BOOLEAN(WARNING, "A Bool or Null value other than true or false.",
            "Write \"true\" or \"false\"."),
    TYPE_MISMATCH_NUMBER(WARNING, "A Numeric value that is not a number; it never matches.",
            "Write a decimal number."),
    TYPE_MISMATCH_DATE(WARNING, "A Date value that is not an ISO 8601 date; it never matches.",
            "Write a date such as 2026-01-31T00:00:00Z."),
    TYPE_MISMATCH_IP_RANGE(WARNING, "An IP value that is not an address or CIDR range.",
            "Write an IPv4 or IPv6 CIDR such as 203.0.113.0/24."),
    TYPE_MISMATCH_BINARY(WARNING, "A BinaryEquals value that is not base64; it never matches.",
            "Write the bytes in base64."),
    INVALID_DATE_VALUE(WARNING, "A Date value given as epoch seconds.",
            "Write an ISO 8601 date; epoch numbers are easy to misread."),
    INVALID_CONDITION_MULTIPLE_BOOLEAN(ERROR, "Several values for one Bool key.",
            "Give one value, true or false."),
    WILDCARD_WITHOUT_LIKE_OPERATOR(WARNING, "A * or ? under an operator that compares literally.",
            "Use StringLike (or StringNotLike) for patterns."),
    PRIVATE_IP_ADDRESS(ERROR, "IpAddress on aws:SourceIp with private ranges only; the key holds"
            + " public addresses.", "Use aws:VpcSourceIp or aws:SourceVpc for private traffic."),
    PRIVATE_NOT_IP_ADDRESS(SUGGESTION, "NotIpAddress on aws:SourceIp with private ranges only; it"
            + " is always true.", "Use aws:VpcSourceIp or aws:SourceVpc for private traffic."),
    IMPROVE_IP_RANGE(SUGGESTION, "A CIDR range with host bits set past its prefix.",
            "Write the network address, e.g. 10.0.0.0/8 rather than 10.1.2.3/8."),
    UNQUOTED_NUMBER(WARNING, "A condition value written as a bare JSON number.",
            "Quote it: IAM expects strings and some tools reject numbers."),
    INVALID_CONDITION_DATA_TYPE(ERROR, "One list of condition values mixes JSON types.",
            "Write every value as a string."),

    // Policy variables.
    VARIABLE_UNSUPPORTED_IN_VERSION(ERROR, "A policy variable without Version 2012-10-17: it is"
            + " literal text.", "Add \"Version\": \"2012-10-17\"."),
    VARIABLE_UNSUPPORTED_IN_ELEMENT(ERROR, "A policy variable where none is substituted (Action,"
            + " Principal, keys, the first five parts of an ARN).", "Move the variable to the"
            + " resource part of the ARN or to a condition value."),
    INVALID_VARIABLE_FOR_OPERATOR(ERROR, "A policy variable under a Numeric, Date, IP, Binary or"
            + " Null operator, which substitutes none.", "Use a String or Arn operator."),
    MISSING_BRACE(ERROR, "A ${ without its closing brace.", "Close the variable: ${aws:username}."),
    MISSING_QUOTE(ERROR, "A variable default that is not in single quotes.",
            "Write the default as ${key, 'text'}."),
    UNSUPPORTED_SPACE(ERROR, "A space inside a variable's key name.",
            "Remove the space: ${aws:username}."),
    EMPTY_VARIABLE(ERROR, "An empty variable ${}.", "Name a condition key: ${aws:username}."),
    VARIABLE_WITH_MULTIVALUED_KEY(WARNING, "A variable of a multivalued key is never substituted.",
            "Use a single-valued key, or give a default."),

    // Empty constructs.
    EMPTY_OBJECT_CONDITION(SUGGESTION, "An empty Condition object, which is always true.",
            "Remove the Condition element."),
    EMPTY_OBJECT_CONDITION_OPERATOR(SUGGESTION, "A condition operator with no keys.",
            "Remove the operator or add its keys."),
    EMPTY_ARRAY_CONDITION(SUGGESTION, "A condition key with an empty list of values.",
            "List the values, or remove the key."),

    // Redundancy and statements that can never apply.
    REDUNDANT_ACTION(SUGGESTION, "An action already matched by another pattern of the statement.",
            "Remove it."),
    REDUNDANT_RESOURCE(SUGGESTION, "A resource already matched by another pattern of the"
            + " statement.", "Remove it."),
    REDUNDANT_CONDITION_VALUE(SUGGESTION, "The same value twice for one condition key.",
            "Remove the repetition."),
    REDUNDANT_STATEMENT(SUGGESTION, "A statement that another statement with the same effect"
            + " already covers.", "Remove it, or merge the two."),
    UNREACHABLE_STATEMENT(WARNING, "Conditions that can never all hold, so the statement never"
            + " applies.", "Correct the contradicting conditions.");

    private final Severity severity;
    private final CheckInfo info;

    CheckId(Severity severity, String summary, String howToFix) {
        this.severity = severity;
        this.info = new CheckInfo(name().toLowerCase(Locale.ROOT).replace('_', '-'), severity,
                summary, howToFix);
    }

    /** The stable kebab-case name, e.g. {@code allow-with-not-action}. */
    public String checkName() {
        return info.name();
    }

    public Severity severity() {
        return severity;
    }

    /** The catalogue entry. */
    public CheckInfo info() {
        return info;
    }

    /** Every entry, in declaration order. */
    public static List<CheckInfo> catalogue() {
        List<CheckInfo> all = new ArrayList<>();
        for (CheckId id : values()) {
            all.add(id.info);
        }
        return List.copyOf(all);
    }
}
