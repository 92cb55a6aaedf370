package dev.iamgate.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes N conformance-format cases for measuring {@code iamgate eval} end to end:
 *
 * <pre>java -cp benchmarks/target/classes dev.iamgate.bench.CaseGenerator 100000 /tmp/cases.jsonl</pre>
 *
 * Half the cases share one small identity policy with a condition (as a batch about one policy
 * would); the other half each carry a policy of their own, so parsing and compiling are measured
 * too, not only the cache. Deterministic (fixed seed).
 */
public final class CaseGenerator {

    private static final String[] ACTIONS = {
        "iam:GetUser", "iam:CreateAccessKey", "iam:ListAccessKeys", "s3:GetObject", "s3:PutObject",
        "ec2:RunInstances", "iam:ChangePassword", "sts:GetSessionToken"
    };

    private CaseGenerator() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Writer out = args.length > 1
                ? Files.newBufferedWriter(Path.of(args[1]), StandardCharsets.UTF_8)
                : new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
        SplittableRandom random = new SplittableRandom(42);
        try (out) {
            for (int i = 0; i < count; i++) {
                out.write(testCase(i, random));
                out.write('\n');
            }
        }
    }

    static String testCase(int index, SplittableRandom random) {
        String user = "user" + random.nextInt(1000);
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        String mfa = random.nextBoolean() ? "true" : "false";
        String policy = index % 2 == 0
                ? sharedPolicy()
                : ownPolicy(index, random);
        return "{\"id\":\"gen-" + index + "\",\"policies\":{\"identity\":[" + policy + "]},"
                + "\"request\":{\"principal\":\"arn:aws:iam::123456789012:user/" + user + "\","
                + "\"action\":\"" + action + "\",\"resource\":\"arn:aws:iam::123456789012:user/" + user + "\","
                + "\"context\":{\"aws:username\":\"" + user + "\",\"aws:MultiFactorAuthPresent\":\"" + mfa + "\"}}}";
    }

    static String sharedPolicy() {
        return "{\"Version\":\"2012-10-17\",\"Statement\":["
                + "{\"Sid\":\"Own\",\"Effect\":\"Allow\",\"Action\":[\"iam:*AccessKey*\",\"iam:GetUser\"],"
                + "\"Resource\":\"arn:aws:iam::*:user/${aws:username}\"},"
                + "{\"Sid\":\"Mfa\",\"Effect\":\"Deny\",\"NotAction\":\"iam:GetUser\",\"Resource\":\"*\","
                + "\"Condition\":{\"BoolIfExists\":{\"aws:MultiFactorAuthPresent\":\"false\"}}}]}";
    }

    private static String ownPolicy(int index, SplittableRandom random) {
        String effect = random.nextInt(4) == 0 ? "Deny" : "Allow";
        String action = ACTIONS[random.nextInt(ACTIONS.length)];
        return ownPolicyText(index, effect, action, "user" + random.nextInt(1000));
    }

    /** The one-statement policy that case {@code index} brings; {@link CasePolicyBenchmark} reads one. */
    static String ownPolicyText(int index, String effect, String action, String user) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":{\"Sid\":\"S" + index + "\",\"Effect\":\""
                + effect + "\",\"Action\":\"" + action
                + "\",\"Resource\":\"arn:aws:iam::123456789012:user/" + user + "\"}}";
    }
}
