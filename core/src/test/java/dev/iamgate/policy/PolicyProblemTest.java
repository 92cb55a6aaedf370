package dev.iamgate.policy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

class PolicyProblemTest {

    @Test
    void checkNamesAreStable() {
        // reports and configuration refer to these names: changing one breaks them
        Map<PolicyProblem, String> names = new LinkedHashMap<>();
        for (PolicyProblem problem : PolicyProblem.values()) {
            names.put(problem, problem.checkName());
        }

        assertThat(names)
                .containsExactly(
                        Map.entry(PolicyProblem.JSON_SYNTAX, "json-syntax"),
                        Map.entry(PolicyProblem.DUPLICATE_KEY, "duplicate-key"),
                        Map.entry(PolicyProblem.UNKNOWN_ELEMENT, "unknown-element"),
                        Map.entry(PolicyProblem.WRONG_TYPE, "wrong-type"),
                        Map.entry(PolicyProblem.MISSING_STATEMENT, "missing-statement"),
                        Map.entry(PolicyProblem.INVALID_VERSION, "invalid-version"),
                        Map.entry(PolicyProblem.MISSING_EFFECT, "missing-effect"),
                        Map.entry(PolicyProblem.INVALID_EFFECT, "invalid-effect"),
                        Map.entry(PolicyProblem.MISSING_ACTION, "missing-action"),
                        Map.entry(PolicyProblem.CONFLICTING_ELEMENTS, "conflicting-elements"),
                        Map.entry(PolicyProblem.EMPTY_RESOURCE, "empty-resource"),
                        Map.entry(PolicyProblem.UNKNOWN_OPERATOR, "unknown-operator"),
                        Map.entry(PolicyProblem.INVALID_ARN, "invalid-arn"),
                        Map.entry(PolicyProblem.INVALID_PRINCIPAL, "invalid-principal"),
                        Map.entry(PolicyProblem.DOCUMENT_TOO_LARGE, "document-too-large"),
                        Map.entry(PolicyProblem.NESTING_TOO_DEEP, "nesting-too-deep"));
    }

    @Test
    void checkNamesAreKebabCase() {
        assertThat(Arrays.stream(PolicyProblem.values()).map(PolicyProblem::checkName))
                .allMatch(name -> name.matches("[a-z]+(-[a-z]+)*"))
                .doesNotHaveDuplicates();
    }

    @Test
    void fromCheckNameFindsEachProblem() {
        for (PolicyProblem problem : PolicyProblem.values()) {
            assertThat(PolicyProblem.fromCheckName(problem.checkName())).contains(problem);
        }
        assertThat(PolicyProblem.fromCheckName("JSON_SYNTAX")).isEmpty();
        assertThat(PolicyProblem.fromCheckName("")).isEmpty();
    }
}
