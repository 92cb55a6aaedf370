package dev.iamgate.internal.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One case folding for actions: equal folds exactly when {@link String#equalsIgnoreCase} says equal. */
class CaseFoldTest {

    @Test
    void twoCharsFoldAlikeExactlyWhenEqualsIgnoreCaseEquatesThem() {
        List<String> disagreements = new ArrayList<>();
        for (int a = 0; a < 0x2200; a += 7) {
            for (int b = 0; b < 0x2200; b += 13) {
                char x = (char) a;
                char y = (char) b;
                if ((CaseFold.fold(x) == CaseFold.fold(y)) != String.valueOf(x).equalsIgnoreCase(String.valueOf(y))) {
                    disagreements.add(String.format("U+%04X U+%04X", a, b));
                }
            }
        }
        // the long s, the dotted and dotless i and the Kelvin sign among them
        for (char c : "\u017f\u0130\u0131\u212a".toCharArray()) {
            for (char ascii = 0; ascii < 128; ascii++) {
                if ((CaseFold.fold(c) == CaseFold.fold(ascii)) != String.valueOf(c).equalsIgnoreCase(String.valueOf(ascii))) {
                    disagreements.add(String.format("U+%04X U+%04X", (int) c, (int) ascii));
                }
            }
        }

        assertThat(disagreements).isEmpty();
    }

    @Test
    void foldingKeepsTheLengthAndReturnsTextThatIsAlreadyFoldedItself() {
        String folded = "iam:createaccesskey";

        assertThat(CaseFold.fold(folded)).isSameAs(folded);
        assertThat(CaseFold.fold("IAM:CreateAccessKey")).isEqualTo(folded);
        assertThat(CaseFold.fold("\u0130am:GetUser")).isEqualTo("iam:getuser").hasSize(11);
        assertThat(CaseFold.fold("\u017f3:GetObject")).isEqualTo("s3:getobject");
    }
}
