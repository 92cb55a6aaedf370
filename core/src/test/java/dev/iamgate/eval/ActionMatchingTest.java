package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.policy.PolicyParser;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The Action and NotAction elements, through the action index, as IAM matches them. */
class ActionMatchingTest {

    private static boolean allows(String actionJson, String requestAction) {
        PolicySet set = PolicySet.ofIdentityPolicies(PolicyParser.parse(
                "{\"Version\":\"2012-10-17\",\"Statement\":{\"Effect\":\"Allow\",%s,\"Resource\":\"*\"}}".formatted(actionJson)));
        return set.evaluate(RequestContext.builder().principal("arn:aws:iam::123456789012:user/alice")
                .action(requestAction).resource("*").build()).isAllowed();
    }

    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        // the rule                                  | request             | allowed
        "\"Action\":\"iam:ListAccessKeys\"            | iam:ListAccessKeys  | true",
        "\"Action\":\"IAM:listaccesskeys\"            | iam:ListAccessKeys  | true",  // case-insensitive, prefix and name
        "\"Action\":\"iam:ListAccessKeys\"            | IAM:LISTACCESSKEYS  | true",
        "\"Action\":\"iam:ListAccessKeys\"            | iam:ListAccessKey   | false",
        "\"Action\":\"*\"                             | ec2:RunInstances    | true",  // * alone: every action
        "\"Action\":\"iam:*\"                         | iam:CreateUser      | true",
        "\"Action\":\"iam:*\"                         | s3:GetObject        | false",
        "\"Action\":\"iam:*AccessKey*\"               | iam:UpdateAccessKey | true",
        "\"Action\":\"iam:*AccessKey*\"               | iam:GetUser         | false",
        "\"Action\":\"iam:Get?ser\"                   | iam:GetUser         | true",  // ? is one character
        "\"Action\":\"iam:Get?ser\"                   | iam:GetUUser        | false",
        "\"Action\":\"*:Get*\"                        | s3:GetObject        | true",  // wildcard in the service prefix
        "\"Action\":\"*:Get*\"                        | s3:PutObject        | false",
        "\"Action\":[\"s3:PutObject\",\"iam:Get*\"]   | iam:GetUser         | true",  // several patterns are OR'ed
        "\"Action\":[\"iam:GetUser\",\"iam:Get*\"]    | iam:GetRole         | true",  // literal and wildcard of one service
        "\"NotAction\":\"iam:*\"                      | s3:GetObject        | true",  // Allow+NotAction: everything else
        "\"NotAction\":\"iam:*\"                      | iam:GetUser         | false",
        "\"NotAction\":[\"iam:GetUser\",\"s3:*\"]     | iam:getuser         | false", // NotAction compares case-insensitively
        "\"NotAction\":[\"iam:GetUser\",\"s3:*\"]     | ec2:RunInstances    | true",
    })
    void actionsMatchCaseInsensitivelyWithStarAndQuestionMark(String actionJson, String requestAction, boolean allowed) {
        assertThat(allows(actionJson, requestAction)).isEqualTo(allowed);
    }

    /**
     * Action names are ASCII, but a policy or a request may hold anything: a character compares
     * as {@link String#equalsIgnoreCase} compares it (the long s as s, the dotted capital I as i),
     * the same whether the pattern is literal or has a wildcard, and the same in the request.
     */
    @ParameterizedTest(name = "{0} vs {1} -> {2}")
    @CsvSource(delimiter = '|', value = {
        "\u017f3:GetObject | s3:GetObject      | s3:Get*",
        "\u0130am:GetUser  | iam:getuser       | \u0130am:Get*",
        "iam:GetUser        | \u0130AM:GETUSER  | iam:Get*",
        "s3:GetObject       | \u017f3:getobject | s3:GetOb*",
        "s3:ListBuc\u212Aet | s3:listbucket     | s3:ListBuc*",
        "iam:GetUser        | \u0131am:GetUser  | iam:*User",
    })
    void aLiteralActionAndAWildcardActionCompareCharactersAsEqualsIgnoreCaseDoes(String literal, String request,
            String wildcard) {
        boolean expected = literal.equalsIgnoreCase(request);

        assertThat(allows("\"Action\":\"" + literal + "\"", request)).isEqualTo(expected);
        assertThat(allows("\"Action\":\"" + wildcard + "\"", request)).isEqualTo(expected);
        assertThat(allows("\"NotAction\":\"" + literal + "\"", request)).isEqualTo(!expected);
    }
}
