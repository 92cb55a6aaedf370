package dev.iamgate.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.iamgate.policy.PolicyParser;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The validator's contract beyond single checks: reports, ordering, options, limits. */
class PolicyValidatorTest {

    private static final String CLEAN = """
            {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
             "Resource": "arn:aws:s3:::bucket/*"}}""";

    private static List<String> checks(String json) {
        return checks(json, ValidationOptions.DEFAULT);
    }

    private static List<String> checks(String json, ValidationOptions options) {
        return PolicyValidator.validate(json, options).findings().stream().map(Finding::check).toList();
    }

    private static String withCondition(String condition) {
        return """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": "arn:aws:s3:::bucket/*", "Condition": %s}}""".formatted(condition);
    }

    @Test
    void aCleanPolicyHasNoFindingsAndComesBackParsed() {
        ValidationReport report = PolicyValidator.validate(CLEAN);

        assertThat(report.findings()).isEmpty();
        assertThat(report.hasErrors()).isFalse();
        assertThat(report.policy()).hasValueSatisfying(p -> assertThat(p.statements()).hasSize(1));
    }

    @Test
    void theReportsPolicyIsTheOneTheParserGivesUnderTheSameName() {
        ValidationReport report = PolicyValidator.validate(CLEAN, "team/read-only", ValidationOptions.DEFAULT);

        assertThat(report.policy()).contains(PolicyParser.parse(CLEAN, "team/read-only"));
        assertThat(report.findings()).isEqualTo(PolicyValidator.validate(CLEAN).findings());
    }

    @Test
    void aDocumentThatDoesNotParseGivesOneErrorAndNoPolicy() {
        ValidationReport report = PolicyValidator.validate("{\"Version\": \"2012-10-17\",\n \"Statement\": [}");

        assertThat(report.policy()).isEmpty();
        assertThat(report.hasErrors()).isTrue();
        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("json-syntax");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(f.location().line()).isEqualTo(2);
        });
    }

    @Test
    void findingsAreSortedByLineAndColumn() {
        ValidationReport report = PolicyValidator.validate("""
                {"Statement": [
                  {"Sid": "b-1", "Effect": "Allow", "Action": ["s3:GetObject", "s3:*"], "Resource": "*"},
                  {"Sid": "", "Effect": "Allow", "NotAction": "s3:*", "Resource": "*"}
                ]}""");

        List<int[]> positions = report.findings().stream()
                .map(f -> new int[] {f.location().line(), f.location().column()})
                .toList();
        assertThat(positions).isSortedAccordingTo((a, b) -> a[0] != b[0] ? a[0] - b[0] : a[1] - b[1]);
        assertThat(report.count(Severity.ERROR)).isEqualTo(2); // unsupported-version, unsupported-sid
        assertThat(report.count(Severity.SECURITY_WARNING)).isEqualTo(1);
    }

    @Test
    void findingsPrintLikeACompilerDiagnostic() {
        Finding finding = PolicyValidator.validate(withCondition("{\"StringEquals\": {\"s3:prefix\": \"a*\"}}"))
                .findings().get(0);

        assertThat(finding).hasToString("2:83: warning wildcard-without-like-operator: StringEquals compares"
                + " literally, so the wildcard in \"a*\" matches only itself; use StringLike.");
    }

    @Test
    void aDocumentTooLongForTheParserIsReportedAtItsStart() {
        String huge = CLEAN + " ".repeat(PolicyParser.DEFAULT_MAX_DOCUMENT_CHARS);

        ValidationReport report = PolicyValidator.validate(huge);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("document-too-large");
            assertThat(f.location().lineColumn()).isEqualTo("1:1");
        });
    }

    @Test
    void identityPoliciesAreMeasuredWithoutWhitespaceAndOrganizationsPoliciesWithIt() {
        String padded = CLEAN.replace(", ", "," + " ".repeat(6_000) + " ");

        assertThat(checks(padded)).isEmpty();
        assertThat(checks(padded, ValidationOptions.of(PolicyKind.SERVICE_CONTROL)))
                .containsExactly("policy-size-exceeded");
        assertThat(checks(padded, ValidationOptions.of(PolicyKind.RESOURCE_CONTROL)))
                .contains("policy-size-exceeded");
    }

    @Test
    void whitespaceInsideStringsCountsTowardsTheSize() {
        String longSid = CLEAN.replace("{\"Effect\"", "{\"Sid\": \"" + "a".repeat(2_040) + "\", \"Effect\"");

        assertThat(checks(longSid, ValidationOptions.identity(Attachment.USER_INLINE)))
                .containsExactly("policy-size-exceeded");
        assertThat(checks(longSid, ValidationOptions.identity(Attachment.GROUP_INLINE))).isEmpty();
    }

    @Test
    void onlyIdentityPoliciesCanBeInline() {
        assertThatThrownBy(() -> new ValidationOptions(PolicyKind.RESOURCE, Attachment.USER_INLINE))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(ValidationOptions.of(PolicyKind.RESOURCE).attachment()).isEqualTo(Attachment.MANAGED);
    }

    @Test
    void boolAndBoolIfExistsWithOppositeValuesCanNeverBothHold() {
        assertThat(checks(withCondition("""
                {"Bool": {"aws:SecureTransport": "true"}, "BoolIfExists": {"aws:SecureTransport": "false"}}""")))
                .containsExactly("unreachable-statement");
        // both IfExists: an absent key satisfies both
        assertThat(checks(withCondition("""
                {"BoolIfExists": {"aws:SecureTransport": "true"},
                 "ForAllValues:BoolIfExists": {"aws:SecureTransport": "false"}}""")))
                .doesNotContain("unreachable-statement");
    }

    @Test
    void numericAndDateRangesThatLeaveNoValueAreUnreachable() {
        assertThat(checks(withCondition("""
                {"NumericLessThan": {"s3:max-keys": "5"}, "NumericGreaterThan": {"s3:max-keys": "10"}}""")))
                .containsExactly("unreachable-statement");
        assertThat(checks(withCondition("""
                {"NumericLessThanEquals": {"s3:max-keys": "5"}, "NumericGreaterThanEquals": {"s3:max-keys": "5"}}""")))
                .isEmpty();
        assertThat(checks(withCondition("""
                {"DateLessThan": {"aws:CurrentTime": "2026-01-01T00:00:00Z"},
                 "DateGreaterThanEquals": {"aws:CurrentTime": "2026-01-01"}}""")))
                .containsExactly("unreachable-statement");
        assertThat(checks(withCondition("""
                {"DateLessThan": {"aws:CurrentTime": "2026-01-01T00:00:01Z"},
                 "DateGreaterThanEquals": {"aws:CurrentTime": "2026-01-01"}}""")))
                .isEmpty();
    }

    @Test
    void unknownGlobalKeysAndOperatorsGetTheClosestName() {
        assertThat(PolicyValidator.validate(withCondition("{\"StringEquals\": {\"aws:PrincipalTagg/team\": \"x\"}}"))
                .findings().get(0).message()).endsWith("Did you mean aws:PrincipalTag/team?");
        assertThat(PolicyValidator.validate(withCondition("{\"ForAnyValues:StringLike\": {\"aws:TagKeys\": \"x\"}}"))
                .findings().get(0).message()).endsWith("Did you mean ForAnyValue:StringLike?");
        assertThat(PolicyValidator.validate(withCondition("{\"Bool\": {\"aws:SomethingElseEntirely\": \"x\"}}"))
                .findings().get(0).message()).doesNotContain("Did you mean");
    }

    @Test
    void keyNamesIgnoreCaseAndTagKeysAreGlobalKeys() {
        assertThat(checks(withCondition("""
                {"StringEquals": {"AWS:PRINCIPALTAG/Team": "a", "aws:requesttag/x": "b", "Aws:ResourceTag/y": "c"},
                 "Bool": {"aws:securetransport": "true"}}"""))).isEmpty();
    }

    @Test
    void redundantPatternsAreOnlyThoseCertainlyCovered() {
        String actions = """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Resource": "*",
                 "Action": ["s3:Get?bject", "s3:Get*bject", "s3:GetObject", "s3:List*", "s3:ListBucket*"]}}""";

        assertThat(PolicyValidator.validate(actions).findings())
                .filteredOn(f -> f.check().equals("redundant-action"))
                .extracting(f -> f.location().pointer())
                .containsExactly("/Statement/Action/0", "/Statement/Action/2", "/Statement/Action/4");
    }

    @Test
    void variablesInTheResourcePartAreFineAndCoveredOnlyByAStar() {
        String resources = """
                {"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "s3:GetObject",
                 "Resource": ["arn:aws:s3:::b/${aws:username}/*", "arn:aws:s3:::b/?/*", "arn:aws:s3:::b/*"]}}""";

        assertThat(PolicyValidator.validate(resources).findings())
                .extracting(f -> f.check() + " " + f.location().pointer())
                .containsExactly("redundant-resource /Statement/Resource/0", "redundant-resource /Statement/Resource/1");
    }

    @Test
    void ipv6RangesAreCheckedForHostBitsAndPrivateSpace() {
        assertThat(checks(withCondition("{\"IpAddress\": {\"aws:SourceIp\": \"2001:db8:0:0:0:0:0:1/64\"}}")))
                .containsExactly("improve-ip-range");
        assertThat(checks(withCondition("{\"IpAddress\": {\"aws:SourceIp\": [\"fe80::/10\", \"::1\"]}}")))
                .containsExactly("private-ip-address");
        assertThat(checks(withCondition("{\"IpAddress\": {\"aws:SourceIp\": [\"::ffff:10.0.0.1\"]}}"))).isEmpty();
    }
}
