package dev.iamgate.internal.validate;

import dev.iamgate.internal.json.PolicyDocumentReader;
import dev.iamgate.internal.json.PolicyDocumentReader.ParsedDocument;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParseException;
import dev.iamgate.validate.ValidationOptions;
import dev.iamgate.validate.ValidationReport;

import java.util.List;
import java.util.Optional;

/** The engine behind {@link dev.iamgate.validate.PolicyValidator}: parse, then run every check. */
public final class Validation {

    /** Every check group, each with one concern. */
    private static final List<PolicyCheck> CHECKS = List.of(
            new DocumentChecks(),
            new SidChecks(),
            new ElementChecks(),
            new ActionChecks(),
            new ResourceChecks(),
            new GrantChecks(),
            new ConditionKeyChecks(),
            new ConditionValueChecks(),
            new VariableChecks(),
            new EmptyChecks(),
            new RedundantStatementCheck(),
            new UnreachableStatementCheck());

    private Validation() {}

    /** Validates one document; a document that does not parse gives its parse error alone. */
    public static ValidationReport run(String json, String name, ValidationOptions options) {
        Findings findings = new Findings();
        ParsedDocument parsed;
        try {
            parsed = PolicyDocumentReader.DEFAULT.readDocument(json, name);
        } catch (PolicyParseException e) {
            ParseFailures.report(e, findings);
            return new ValidationReport(findings.sorted(), Optional.empty());
        }
        Policy policy = parsed.policy();
        PolicyContext context = new PolicyContext(policy, new JsonDoc(parsed.root()), json, options);
        for (PolicyCheck check : CHECKS) {
            check.check(context, findings);
        }
        return new ValidationReport(findings.sorted(), Optional.of(policy));
    }
}
