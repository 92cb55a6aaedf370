package dev.iamgate.example.users;

import static org.assertj.core.api.Assertions.assertThat;

import dev.iamgate.example.security.RandomSecrets;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/** The password policy's rules, and generated passwords that meet any policy. */
class PasswordPolicyTest {

    private static final PasswordPolicy STRICT = new PasswordPolicy(12, true, true, true, true, true, 0, 5, false);

    @Test
    void eachRuleIsNamedWhenBroken() {
        assertThat(STRICT.violations("short")).containsExactly("at least 12 characters", "at least one symbol ("
                + PasswordPolicy.SYMBOLS + ")", "at least one number", "at least one uppercase letter (A-Z)");
        assertThat(STRICT.violations("Long-enough-passw0rd")).isEmpty();
    }

    @Test
    void onlyTabLineBreaksAndLatin1AreAllowed() {
        PasswordPolicy lenient = new PasswordPolicy(6, false, false, false, false, true, 0, 0, false);

        assertThat(lenient.violations("pässwörd\t")).isEmpty();
        assertThat(lenient.violations("pass€word")).hasSize(1);
        assertThat(lenient.violations("x".repeat(129))).containsExactly("at most 128 characters");
    }

    @Test
    void expirePasswordsIsDerivedFromMaxPasswordAge() {
        assertThat(STRICT.expirePasswords()).isFalse();
        assertThat(new PasswordPolicy(8, false, false, false, false, true, 90, 0, false).expirePasswords()).isTrue();
    }

    @Test
    void generatedPasswordsMeetTheStrictestPolicy() {
        RandomSecrets random = new RandomSecrets(new SecureRandom());
        for (int i = 0; i < 200; i++) {
            assertThat(STRICT.violations(Passwords.generate(random))).isEmpty();
        }
    }
}
