package dev.iamgate.internal.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.iamgate.policy.ActionElement;
import dev.iamgate.policy.Effect;
import dev.iamgate.policy.Policy;
import dev.iamgate.policy.PolicyParser;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.PrincipalElement;
import dev.iamgate.policy.PrincipalId;
import dev.iamgate.policy.PrincipalType;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.Statement;
import dev.iamgate.policy.TextValue;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PolicyWriterTest {

    private static String canonical(String json) {
        return PolicyWriter.write(PolicyParser.parse(json));
    }

    @Test
    void elementsComeInAFixedOrderAndASingleStatementBecomesAnArray() {
        assertThat(canonical("{\"Statement\":{\"Resource\":\"*\",\"Action\":\"iam:GetUser\",\"Effect\":\"Allow\","
                + "\"Sid\":\"S\"},\"Id\":\"i\",\"Version\":\"2012-10-17\"}"))
                .isEqualTo("{\"Version\":\"2012-10-17\",\"Id\":\"i\",\"Statement\":[{\"Sid\":\"S\",\"Effect\":\"Allow\","
                        + "\"Action\":\"iam:GetUser\",\"Resource\":\"*\"}]}");
    }

    @Test
    void oneValueIsAStringAndAnyOtherNumberAnArray() {
        assertThat(canonical("{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":[\"s3:*\"],"
                + "\"Condition\":{\"StringEquals\":{\"a:b\":[],\"c:d\":[\"x\",\"y\"]}}}]}"))
                .isEqualTo("{\"Statement\":[{\"Effect\":\"Deny\",\"NotAction\":\"s3:*\","
                        + "\"Condition\":{\"StringEquals\":{\"a:b\":[],\"c:d\":[\"x\",\"y\"]}}}]}");
    }

    @Test
    void conditionNumbersAndBooleansAreWrittenAsTheirText() {
        assertThat(canonical("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\","
                + "\"Condition\":{\"NumericLessThan\":{\"s3:max-keys\":1e3},\"Bool\":{\"aws:SecureTransport\":true}}}]}"))
                .contains("{\"NumericLessThan\":{\"s3:max-keys\":\"1e3\"},\"Bool\":{\"aws:SecureTransport\":\"true\"}}");
    }

    @Test
    void principalsAreGroupedByTypeAndABareStarStaysBare() {
        assertThat(canonical("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"NotPrincipal\":"
                + "{\"AWS\":[\"111122223333\",\"arn:aws:iam::111122223333:root\"],\"Service\":\"ec2.amazonaws.com\"}}]}"))
                .contains("\"NotPrincipal\":{\"AWS\":[\"111122223333\",\"arn:aws:iam::111122223333:root\"],"
                        + "\"Service\":\"ec2.amazonaws.com\"}");
        assertThat(canonical("{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Principal\":\"*\"}]}"))
                .contains("\"Principal\":\"*\"");
    }

    @Test
    void aBareStarPrincipalListedWithOthersIsRefused() {
        PrincipalElement mixed = new PrincipalElement(false, List.of(
                new PrincipalId(PrincipalType.ANYONE, TextValue.of("*")),
                new PrincipalId(PrincipalType.AWS, TextValue.of("111122223333"))), SourceLocation.UNKNOWN);
        Statement statement = new Statement(0, Optional.empty(), Effect.ALLOW, Optional.of(mixed),
                new ActionElement(false, List.of(TextValue.of("*")), SourceLocation.UNKNOWN), Optional.empty(), List.of(),
                SourceLocation.UNKNOWN);
        Policy policy = new Policy("", PolicyVersion.UNSPECIFIED, Optional.empty(), List.of(statement));

        assertThatIllegalArgumentException().isThrownBy(() -> PolicyWriter.write(policy)).withMessageContaining("Principal");
    }

    @Test
    void textIsEscapedSoThatItParsesBack() {
        String json = "{\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"a:\\\"\\\\\\n\\u0000\\u2028\\ud83d\\ude00\"}]}";
        Policy policy = PolicyParser.parse(json);

        assertThat(PolicyParser.parse(PolicyWriter.write(policy)).statements().get(0).action().patterns().get(0).text())
                .isEqualTo("a:\"\\\n\u0000\u2028\ud83d\ude00");
    }
}
