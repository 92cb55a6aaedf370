package dev.iamgate.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Whether a request crosses accounts (IAM User Guide, cross-account policy evaluation logic):
 * the caller's account, the fifth field of its ARN, against the resource ARN's account field.
 */
class AccountsTest {

    @ParameterizedTest(name = "{0} on {1}: same account {2}")
    @CsvSource(delimiter = '|', value = {
        "arn:aws:iam::111122223333:user/alice | arn:aws:sqs:us-east-1:111122223333:queue   | true",
        "arn:aws:iam::111122223333:user/alice | arn:aws:sqs:us-east-1:999999999999:queue   | false",
        // Same length, same prefix: the whole field is compared.
        "arn:aws:iam::111122223333:user/alice | arn:aws:sqs:us-east-1:111122223334:queue   | false",
        // A shorter or longer account field is another account even when one is a prefix of the other.
        "arn:aws:iam::111122223333:user/alice | arn:aws:sqs:us-east-1:11112222333:queue    | false",
        "arn:aws:iam::11112222333:user/alice  | arn:aws:sqs:us-east-1:111122223333:queue   | false",
        "arn:aws:sts::111122223333:assumed-role/Dev/s | arn:aws:kms:eu-west-1:111122223333:key/k | true",
    })
    void theAccountFieldsOfCallerAndResourceDecide(String caller, String resource, boolean same) {
        assertThat(Accounts.same(caller, resource)).isEqualTo(same);
    }

    @ParameterizedTest(name = "{1} belongs to the caller''s account")
    @CsvSource(delimiter = '|', value = {
        // S3 ARNs have an empty account field.
        "arn:aws:iam::111122223333:user/alice | arn:aws:s3:::example-bucket/key",
        // Actions without resource-level permissions use "*".
        "arn:aws:iam::111122223333:user/alice | *",
        // Too few fields to hold an account, or not an ARN at all.
        "arn:aws:iam::111122223333:user/alice | arn:aws:sqs:us-east-1:111122223333",
        "arn:aws:iam::111122223333:user/alice | arn:aws:sqs",
        "arn:aws:iam::111122223333:user/alice | urn:aws:sqs:us-east-1:999999999999:queue",
    })
    void aResourceWithoutAnAccountBelongsToTheCallersAccount(String caller, String resource) {
        assertThat(Accounts.same(caller, resource)).isTrue();
    }

    @ParameterizedTest(name = "caller {0} is judged by the resource account''s policies")
    @CsvSource({"''", "anonymous", "arn:aws:iam::111122223333", "arn:aws:iam"})
    void aCallerWithoutAnAccountIsJudgedByTheResourceAccount(String caller) {
        assertThat(Accounts.same(caller, "arn:aws:sqs:us-east-1:999999999999:queue")).isTrue();
    }
}
