package dev.iamgate.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ResourceArnsTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "*",
                "arn:aws:s3:::bucket",
                "arn:aws:s3:::bucket/key:with:colons",
                "arn:aws:iam::123456789012:user/division/Bob",
                "arn:aws:iam:*:user/alice",
                "arn:aws:ec2:us-east-1*:instance/*",
                "arn:*",
                "arn:aws:iam::*:user/${aws:username}"
            })
    void acceptsStarAndArnShapes(String resource) {
        assertThat(ResourceArns.problem(resource)).isNull();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "**",
                "bucket",
                "ARN:aws:s3:::bucket",
                " arn:aws:s3:::bucket",
                "s3:::bucket"
            })
    void rejectsWhatDoesNotStartWithArn(String resource) {
        assertThat(ResourceArns.problem(resource)).startsWith("must be \"*\" or an ARN");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "arn:",
                "arn:aws:s3:bucket",
                "arn:aws:s3::bucket",
                "arn:aws:iam:user/${aws:username}"
            })
    void rejectsArnsWithFewerThanSixPartsAndNoWildcard(String resource) {
        assertThat(ResourceArns.problem(resource)).startsWith("has fewer than the six parts");
    }
}
