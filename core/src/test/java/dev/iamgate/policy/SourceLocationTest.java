package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SourceLocationTest {

    private static final SourceLocation DOCUMENT = new SourceLocation("", 1, 1);

    @Test
    void childPointersAreBuiltFromTheirParentsTokens() {
        SourceLocation statements = DOCUMENT.member("Statement", 1, 14);

        assertThat(statements.pointer()).isEqualTo("/Statement");
        assertThat(statements.element(12, 3, 5).member("Effect", 3, 6).pointer())
                .isEqualTo("/Statement/12/Effect");
        assertThat(DOCUMENT.member("", 1, 2).pointer()).isEqualTo("/");
        assertThat(new SourceLocation("/Statement", 1, 14).member("aws:username", 2, 3).pointer())
                .isEqualTo("/Statement/aws:username");
    }

    @Test
    void tildeAndSlashAreEscapedPerRfc6901() {
        assertThat(DOCUMENT.member("~", 1, 2).pointer()).isEqualTo("/~0");
        assertThat(DOCUMENT.member("/", 1, 2).pointer()).isEqualTo("/~1");
        // ~1 written literally must not read back as a slash
        assertThat(DOCUMENT.member("a~1b", 1, 2).pointer()).isEqualTo("/a~01b");
        assertThat(DOCUMENT.member("aws:PrincipalTag/team~x", 1, 2).pointer())
                .isEqualTo("/aws:PrincipalTag~1team~0x");
    }

    @Test
    void locationsAreEqualByPointerLineAndColumnHoweverMade() {
        SourceLocation built = DOCUMENT.member("Statement", 2, 3).element(0, 4, 5);
        SourceLocation written = new SourceLocation("/Statement/0", 4, 5);

        assertThat(built).isEqualTo(written).hasSameHashCodeAs(written);
        assertThat(built.toString()).isEqualTo(written.toString()).isEqualTo("4:5 (/Statement/0)");
        assertThat(built).isNotEqualTo(built.at(4, 6)).isNotEqualTo(new SourceLocation("/Statement/1", 4, 5));
        assertThat(built.at(7, 8).pointer()).isEqualTo("/Statement/0");
        assertThat(built.at(7, 8).lineColumn()).isEqualTo("7:8");
    }
}
