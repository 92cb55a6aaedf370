package dev.iamgate.internal.validate;

import dev.iamgate.policy.ResourceElement;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;

import java.util.List;

/**
 * Resource and NotResource entries beyond what the parser checks: partition, a region in an IAM
 * ARN, a wildcard service, entries another one covers.
 */
final class ResourceChecks implements PolicyCheck {

    private static final List<String> PARTITIONS = List.of("aws", "aws-cn", "aws-us-gov", "aws-iso",
            "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc");

    @Override
    public void check(PolicyContext context, Findings findings) {
        for (Statement statement : context.policy().statements()) {
            if (statement.resource().isEmpty()) {
                continue;
            }
            ResourceElement resource = statement.resource().get();
            for (TextValue pattern : resource.patterns()) {
                String[] parts = Arns.parts(pattern.text());
                if (parts != null) {
                    parts(resource, pattern, parts, findings);
                }
            }
            redundant(resource, findings);
        }
    }

    private static void parts(ResourceElement resource, TextValue pattern, String[] parts,
            Findings findings) {
        String partition = parts[1];
        String service = parts[2];
        String region = parts[3];
        String what = resource.elementName() + " " + Quote.of(pattern.text());
        if (isPlain(partition) && !PARTITIONS.contains(partition)) {
            findings.report(CheckId.INVALID_PARTITION, pattern.location(), what + " has partition "
                    + Quote.of(partition) + ", which does not exist."
                    + Suggestions.didYouMean(partition, PARTITIONS));
        }
        if (service.equals("iam") && !region.isEmpty() && isPlain(region)) {
            findings.report(CheckId.INVALID_ARN_REGION, pattern.location(), what + " has region "
                    + Quote.of(region) + "; IAM resources have none.");
        }
        if (service.indexOf('*') >= 0 || service.indexOf('?') >= 0) {
            findings.report(CheckId.WILDCARD_IN_SERVICE_NAME, pattern.location(), what
                    + " has a wildcard in its service part, so it matches resources of every"
                    + " service.");
        }
    }

    /** Text without wildcards or variables, so it can be compared with known names. */
    private static boolean isPlain(String part) {
        return part.indexOf('*') < 0 && part.indexOf('?') < 0 && !VariableRefs.mentions(part);
    }

    private static void redundant(ResourceElement resource, Findings findings) {
        PatternCover.reportRedundant(resource.patterns(), PatternCover::coversArn, CheckId.REDUNDANT_RESOURCE, findings);
    }
}
