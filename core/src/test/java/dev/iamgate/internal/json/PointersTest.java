package dev.iamgate.internal.json;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PointersTest {

    @Test
    void plainTokensAreUsedAsTheyAre() {
        String token = "aws:username";

        assertThat(Pointers.escape(token)).isSameAs(token);
        assertThat(Pointers.member("/Statement", "Effect")).isEqualTo("/Statement/Effect");
        assertThat(Pointers.element("/Statement", 12)).isEqualTo("/Statement/12");
        assertThat(Pointers.member("", "")).isEqualTo("/");
    }

    @Test
    void tildeAndSlashAreEscapedPerRfc6901() {
        assertThat(Pointers.escape("~")).isEqualTo("~0");
        assertThat(Pointers.escape("/")).isEqualTo("~1");
        // ~1 written literally must not read back as a slash
        assertThat(Pointers.escape("a~1b")).isEqualTo("a~01b");
        assertThat(Pointers.escape("aws:PrincipalTag/team~x"))
                .isEqualTo("aws:PrincipalTag~1team~0x");
    }
}
