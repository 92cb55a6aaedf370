package dev.iamgate.internal.condition;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.iamgate.internal.RequestKeys;
import dev.iamgate.policy.Condition;
import dev.iamgate.policy.ConditionOperator;
import dev.iamgate.policy.OperatorType;
import dev.iamgate.policy.PolicyVersion;
import dev.iamgate.policy.SetQualifier;
import dev.iamgate.policy.SourceLocation;
import dev.iamgate.policy.TextValue;
import dev.iamgate.testing.CallBudget;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Fuzzes the value parsing of every condition operator family (String, Numeric, Date, Bool,
 * Binary, IpAddress, Arn, Null) through {@link CompiledCondition#compile}, with arbitrary policy
 * values, request values and policy-variable text.
 *
 * <p>Input, as readable text: the operator's index in {@link OperatorType} as one character
 * ({@code '0'} + index), one flag character ({@code '0'} + bits: qualifier none/ForAllValues/
 * ForAnyValue in bits 0-1, Version 2008-10-17 in bit 2), then lines: the policy values, the request
 * values of the key (none: the key is absent), and the text of {@code aws:username}; values within a
 * line are separated by tabs.
 *
 * <p>Properties: compiling and testing each take under 100 ms and never throw ("never fails", as
 * {@link CompiledCondition#compile} promises); and the documented rules for absent keys and
 * {@code IfExists} hold whatever the values: an absent key makes a plain operator true only when
 * negated (with {@code IfExists}, always), ForAllValues true and ForAnyValue false; a present key
 * gives the same answer with or without {@code IfExists}.
 */
class ConditionValuesFuzzTest {

    private static final String KEY = "k:Fuzzed";

    @FuzzTest
    void everyOperatorReadsAnyValuesInLinearTimeAndKeepsTheAbsentKeyRules(byte[] bytes) {
        if (bytes.length < 2) {
            return;
        }
        OperatorType[] types = OperatorType.values();
        OperatorType type = types[Math.floorMod(bytes[0] - '0', types.length)];
        int flags = bytes[1] - '0';
        SetQualifier qualifier = SetQualifier.values()[Math.floorMod(flags & 3, 3)];
        PolicyVersion version = (flags & 4) != 0 ? PolicyVersion.V2008_10_17 : PolicyVersion.V2012_10_17;
        String[] lines = new String(bytes, 2, bytes.length - 2, StandardCharsets.UTF_8).split("\n", 3);
        List<TextValue> policyValues = Arrays.stream(lines[0].split("\t", -1)).map(TextValue::of).toList();
        List<String> requestValues = lines.length > 1 && !lines[1].isEmpty() ? List.of(lines[1].split("\t", -1)) : List.of();
        String username = lines.length > 2 ? lines[2] : "";
        Map<String, List<String>> keys = Map.of(KEY.toLowerCase(Locale.ROOT), requestValues,
                "aws:username", username.isEmpty() ? List.of() : List.of(username));
        RequestKeys request = key -> keys.getOrDefault(key, List.of());

        String what = type + " (" + qualifier + ", " + version + ") with policy values " + policyValues.size()
                + " and request values " + requestValues;
        boolean plain = test(new ConditionOperator(qualifier, type, false), policyValues, version, request, what);
        if (type == OperatorType.NULL) {
            return;
        }
        boolean ifExists = test(new ConditionOperator(qualifier, type, true), policyValues, version, request, what);
        if (!requestValues.isEmpty()) {
            assertThat(ifExists).as("IfExists with the key present: %s", what).isEqualTo(plain);
            return;
        }
        switch (qualifier) {
            case FOR_ALL_VALUES -> assertThat(plain && ifExists).as("ForAllValues, key absent: %s", what).isTrue();
            case FOR_ANY_VALUE -> assertThat(plain || ifExists).as("ForAnyValue, key absent: %s", what).isFalse();
            case NONE -> {
                assertThat(plain).as("key absent: %s", what).isEqualTo(type.negated());
                assertThat(ifExists).as("IfExists, key absent: %s", what).isTrue();
            }
        }
    }

    private static boolean test(ConditionOperator operator, List<TextValue> values, PolicyVersion version,
            RequestKeys request, String what) {
        Condition condition = new Condition(operator, TextValue.of(KEY), values, SourceLocation.UNKNOWN);
        CompiledCondition compiled = CallBudget.within("compiling " + what, () -> CompiledCondition.compile(condition, version));
        return CallBudget.within("testing " + what, () -> compiled.test(request));
    }
}
