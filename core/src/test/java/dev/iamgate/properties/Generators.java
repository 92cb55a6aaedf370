package dev.iamgate.properties;

import dev.iamgate.properties.Cases.Cond;
import dev.iamgate.properties.Cases.Doc;
import dev.iamgate.properties.Cases.Docs;
import dev.iamgate.properties.Cases.Req;
import dev.iamgate.properties.Cases.Stmt;
import dev.iamgate.properties.Cases.Value;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random small policies and requests over a deliberately small alphabet, so that patterns,
 * keys and values meet often: a few services and actions, two accounts, a few users and buckets,
 * and a few condition keys with values on both sides of every comparison.
 */
final class Generators {

    static final String ACCOUNT = "111122223333";
    static final String OTHER_ACCOUNT = "444455556666";

    /** Every action a request may name (the universe for NotAction complements). */
    static final List<String> ACTIONS = List.of(
            "s3:GetObject", "s3:PutObject", "s3:ListBucket", "s3:DeleteObject", "s3:GetObjectAcl",
            "iam:GetUser", "iam:ChangePassword", "iam:CreateAccessKey", "iam:ListAccessKeys", "iam:DeleteAccessKey",
            "iam:CreateVirtualMFADevice", "ec2:RunInstances", "ec2:DescribeInstances", "sts:GetSessionToken",
            "kms:Decrypt");

    private static final List<String> ACTION_WILDCARDS = List.of(
            "*", "s3:*", "s3:Get*", "s3:*Object", "s3:?etObject", "s3:GetObject*", "iam:*", "iam:*AccessKey*",
            "iam:List*", "iam:Get?ser", "iam:Create*Key", "*:Get*", "ec2:Describe*", "sts:*", "*Object", "s?:*",
            "*:*", "iam:*Virtual*", "???:*", "kms:*crypt");

    static final List<String> PRINCIPALS = List.of(
            "arn:aws:iam::" + ACCOUNT + ":user/alice",
            "arn:aws:iam::" + ACCOUNT + ":user/bob",
            "arn:aws:iam::" + ACCOUNT + ":user/division/Carol",
            "arn:aws:sts::" + ACCOUNT + ":assumed-role/Builder/alice",
            "arn:aws:iam::" + OTHER_ACCOUNT + ":user/alice");

    private static final List<String> RESOURCES = List.of(
            "*",
            "arn:aws:iam::" + ACCOUNT + ":user/alice",
            "arn:aws:iam::" + ACCOUNT + ":user/bob",
            "arn:aws:iam::" + ACCOUNT + ":user/Alice",
            "arn:aws:iam::" + ACCOUNT + ":user/division/Carol",
            "arn:aws:iam::" + ACCOUNT + ":mfa/alice",
            "arn:aws:iam::" + OTHER_ACCOUNT + ":user/alice",
            "arn:aws:s3:::photos",
            "arn:aws:s3:::photos/alice/cat.jpg",
            "arn:aws:s3:::photos/bob/x/y.png",
            "arn:aws:s3:::photos/guest/a",
            "arn:aws:s3:::logs/2024/app:1.log",
            "arn:aws:s3:::photos/${aws:username}/z",
            "arn:aws:s3:::photos/*/a",
            "arn:aws:ec2:us-east-1:" + ACCOUNT + ":instance/i-0abc",
            "arn:aws:ec2:us-east-1:" + OTHER_ACCOUNT + ":instance/i-0abc",
            "arn:aws:kms:eu-west-1:" + ACCOUNT + ":key/k1");

    private static final List<String> RESOURCE_PATTERNS = List.of(
            "*",
            "arn:aws:iam::" + ACCOUNT + ":user/${aws:username}",
            "arn:aws:iam::*:user/${aws:username}",
            "arn:aws:iam::*:user/${AWS:UserName}",
            "arn:aws:iam::" + ACCOUNT + ":user/*",
            "arn:aws:iam::" + ACCOUNT + ":user/alice",
            "arn:aws:iam::" + ACCOUNT + ":user/division/*",
            "arn:aws:iam::" + ACCOUNT + ":user/*/${aws:username}",
            "arn:aws:iam::*:mfa/${aws:username}",
            "arn:aws:iam::*:*",
            "arn:aws:iam::1111????3333:user/?lice",
            "arn:aws:iam::" + ACCOUNT + ":user/${aws:TagKeys}",
            "arn:aws:iam::" + ACCOUNT + ":user/${aws:TagKeys, 'alice'}",
            "arn:aws:iam::" + ACCOUNT + ":user/${aws:PrincipalTag/team}",
            "arn:aws:s3:::photos/${aws:username}/*",
            "arn:aws:s3:::photos/${aws:username, 'guest'}/*",
            "arn:aws:s3:::photos*",
            "arn:aws:s3:::photos/*",
            "arn:aws:s3:::*/alice/*",
            "arn:aws:s3:::logs/*:*",
            "arn:aws:s3:::photos/${*}/a",
            "arn:aws:s3:::photos/${$}{aws:username}/z",
            "arn:aws:s3:::${aws:username}*",
            "arn:aws:s3:*:*:*",
            "arn:aws:*:*:" + ACCOUNT + ":*",
            "arn:aws:ec2:us-east-1*:instance/*",
            "arn:aws:ec2:*:instance/*",
            "arn:aws:ec2:us-*-1:" + ACCOUNT + ":instance/*",
            "arn:aws:ec2:us-east-1:*:instance/i-0abc",
            "arn:aws:*:us-east-1:" + ACCOUNT + ":*",
            "arn:aws:kms:*:" + ACCOUNT + ":key/*",
            "arn:aws:iam::" + ACCOUNT + ":user/al*");

    /** A condition key, the operators that fit it, and policy and request values for it. */
    private record KeySpec(String key, List<String> operators, List<String> policyValues, List<String> requestValues,
            boolean multivalued) {}

    private static final List<String> STRING_OPS = List.of("StringEquals", "StringNotEquals", "StringEqualsIgnoreCase",
            "StringNotEqualsIgnoreCase", "StringLike", "StringNotLike");
    private static final List<String> NUMERIC_OPS = List.of("NumericEquals", "NumericNotEquals", "NumericLessThan",
            "NumericLessThanEquals", "NumericGreaterThan", "NumericGreaterThanEquals");
    private static final List<String> DATE_OPS = List.of("DateEquals", "DateNotEquals", "DateLessThan",
            "DateLessThanEquals", "DateGreaterThan", "DateGreaterThanEquals");

    private static final List<KeySpec> KEYS = List.of(
            new KeySpec("aws:username", STRING_OPS,
                    List.of("alice", "Alice", "bob", "Carol", "al*", "?ob", "*", "${aws:username}", "guest",
                            "${aws:username, 'guest'}", "${aws:PrincipalTag/team}", "al${*}", "what${?}"),
                    List.of(), false),
            new KeySpec("aws:PrincipalTag/team", STRING_OPS,
                    List.of("dev", "ops", "DEV", "d*", "${aws:username}", "o?s"),
                    List.of("dev", "ops", "DEV", "alice"), false),
            new KeySpec("aws:RequestedRegion", STRING_OPS,
                    List.of("us-east-1", "us-*", "eu-west-1", "US-EAST-1", "*-west-?"),
                    List.of("us-east-1", "eu-west-1", "ap-south-1", "US-EAST-1"), false),
            new KeySpec("aws:TagKeys", STRING_OPS,
                    List.of("team", "env", "Owner", "owner", "te?m", "*", "o*"),
                    List.of("team", "env", "Owner", "owner", "cost"), true),
            new KeySpec("aws:MultiFactorAuthAge", NUMERIC_OPS,
                    List.of("0", "300", "3600", "3600.0", "-1", "86400", "0.5", "+300"),
                    List.of("0", "120", "300", "3600", "7200", "3600.00", "86400"), false),
            new KeySpec("aws:MultiFactorAuthPresent", List.of("Bool"),
                    List.of("true", "false", "True", "FALSE"),
                    List.of("true", "false", "TRUE"), false),
            new KeySpec("aws:SecureTransport", List.of("Bool"),
                    List.of("true", "false"),
                    List.of("true", "false"), false),
            new KeySpec("aws:CurrentTime", DATE_OPS,
                    List.of("2024-06-15T12:00:00Z", "2024-06-15", "2024-06", "2024-06-15T14:00:00+02:00",
                            "2024-06-15T12:00Z", "1718452800", "2025-01-01T00:00:00.500Z", "2024-06-15T12:00:00"),
                    List.of("2024-06-15T12:00:00Z", "2024-06-15T11:59:59Z", "2024-01-01T00:00:00Z",
                            "2024-12-31T23:59:59Z", "1718452800", "2025-01-01T00:00:00.5Z"), false),
            new KeySpec("aws:SourceIp", List.of("IpAddress", "NotIpAddress"),
                    List.of("203.0.113.0/24", "10.0.0.0/8", "192.0.2.1", "2001:db8::/32", "0.0.0.0/0", "10.1.2.3/8"),
                    List.of("203.0.113.7", "10.1.2.3", "192.0.2.1", "198.51.100.1", "2001:DB8::1", "2001:db9::1"), false),
            new KeySpec("aws:PrincipalArn", List.of("ArnLike", "ArnEquals", "ArnNotLike", "ArnNotEquals"),
                    List.of("arn:aws:iam::" + ACCOUNT + ":user/*", "arn:aws:iam::*:user/alice",
                            "arn:aws:iam::" + ACCOUNT + ":role/Builder", "arn:aws:iam::" + ACCOUNT + ":*",
                            "arn:aws:iam::*:user/${aws:username}", "arn:aws:*:*:*:*"),
                    List.of(), false));

    private static final java.util.regex.Pattern JSON_NUMBER =
            java.util.regex.Pattern.compile("-?(0|[1-9]\\d*)(\\.\\d+)?([eE][+-]?\\d+)?");

    private Generators() {}

    // ---- policies ----

    static Docs docs(Random random) {
        List<Doc> identity = new ArrayList<>();
        int identityCount = random.nextInt(10) == 0 ? 0 : 1 + random.nextInt(3);
        for (int i = 0; i < identityCount; i++) {
            identity.add(doc(random, false));
        }
        Optional<Doc> boundary = random.nextInt(10) < 3 ? Optional.of(doc(random, true)) : Optional.empty();
        Optional<List<Doc>> scp = Optional.empty();
        if (random.nextInt(10) < 3) {
            List<Doc> level = new ArrayList<>();
            for (int i = 1 + random.nextInt(2); i > 0; i--) {
                level.add(doc(random, true));
            }
            scp = Optional.of(level);
        }
        return new Docs(identity, boundary, scp);
    }

    /** A policy of 1–6 statements; a guard policy (boundary, SCP) often starts by allowing everything. */
    static Doc doc(Random random, boolean guard) {
        int r = random.nextInt(20);
        String version = r < 17 ? "2012-10-17" : r < 19 ? "2008-10-17" : "";
        List<Stmt> statements = new ArrayList<>();
        if (guard && random.nextBoolean()) {
            statements.add(new Stmt(Optional.empty(), true, false, List.of("*"), false, List.of("*"), List.of(), false));
        }
        for (int i = 1 + random.nextInt(guard ? 3 : 6); i > 0; i--) {
            statements.add(statement(random));
        }
        List<Stmt> named = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            named.add(random.nextInt(3) == 0 ? statements.get(i).withSid(Optional.of("S" + i)) : statements.get(i));
        }
        return new Doc(version, named);
    }

    static Stmt statement(Random random) {
        boolean allow = random.nextInt(100) < 65;
        boolean notAction = random.nextInt(100) < 20;
        List<String> actions = new ArrayList<>();
        for (int i = 1 + random.nextInt(3); i > 0; i--) {
            actions.add(actionPattern(random));
        }
        boolean notResource = random.nextInt(100) < 15;
        List<String> resources = new ArrayList<>();
        for (int i = 1 + random.nextInt(random.nextBoolean() ? 1 : 3); i > 0; i--) {
            resources.add(random.nextInt(4) == 0 ? randomResourcePattern(random) : pick(random, RESOURCE_PATTERNS));
        }
        return new Stmt(Optional.empty(), allow, notAction, actions, notResource, resources, conditions(random),
                random.nextInt(4) == 0);
    }

    static String actionPattern(Random random) {
        if (random.nextInt(10) == 0) {
            return randomActionPattern(random);
        }
        if (random.nextInt(5) < 2) {
            return pick(random, ACTION_WILDCARDS);
        }
        return caseVariant(random, pick(random, ACTIONS));
    }

    /** 0–2 conditions (sometimes 3), never the same operator and key twice. */
    static List<Cond> conditions(Random random) {
        int r = random.nextInt(20);
        int count = r < 8 ? 0 : r < 14 ? 1 : r < 19 ? 2 : 3;
        List<Cond> out = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        while (out.size() < count) {
            Cond c = condition(random);
            if (seen.add(c.operator() + "|" + c.key())) {
                out.add(c);
            }
        }
        return out;
    }

    static Cond condition(Random random) {
        if (random.nextInt(12) == 0) {
            KeySpec spec = pick(random, KEYS);
            List<Value> values = new ArrayList<>();
            values.add(random.nextInt(3) == 0 ? new Value(random.nextBoolean() ? "true" : "false", true)
                    : Value.of(random.nextBoolean() ? "true" : "false"));
            return new Cond("Null", keyVariant(random, spec.key()), values, random.nextInt(4) == 0);
        }
        KeySpec spec = pick(random, KEYS);
        String base = pick(random, spec.operators());
        String qualifier = "";
        if (spec.multivalued() ? random.nextInt(5) > 0 : random.nextInt(10) == 0) {
            qualifier = random.nextBoolean() ? "ForAllValues:" : "ForAnyValue:";
        }
        String operator = qualifier + base + (random.nextInt(4) == 0 ? "IfExists" : "");
        List<Value> values = new ArrayList<>();
        for (int i = 1 + (random.nextInt(3) == 0 ? random.nextInt(3) : 0); i > 0; i--) {
            String text = base.startsWith("String") && random.nextInt(6) == 0 ? randomLikePattern(random)
                    : pick(random, spec.policyValues());
            boolean bare = random.nextInt(3) == 0 && (base.equals("Bool") && (text.equals("true") || text.equals("false"))
                    || base.startsWith("Numeric") && JSON_NUMBER.matcher(text).matches());
            values.add(new Value(text, bare));
        }
        return new Cond(operator, keyVariant(random, spec.key()), values, random.nextInt(4) == 0);
    }

    // ---- requests ----

    static Req request(Random random) {
        String principal = pick(random, PRINCIPALS);
        String action = random.nextInt(6) == 0 ? caseVariant(random, pick(random, ACTIONS)) : pick(random, ACTIONS);
        Map<String, List<String>> keys = new LinkedHashMap<>();
        String user = userName(principal);
        int r = random.nextInt(10);
        if (r < 6 && user != null) {
            keys.put(keyVariant(random, "aws:username"), List.of(user));
        } else if (r < 8) {
            String other = random.nextInt(3) == 0 ? randomLikeValue(random) : pick(random, List.of("alice", "ALICE", "bob", "guest", "Carol", ""));
            keys.put(keyVariant(random, "aws:username"), List.of(other));
        }
        int more = random.nextInt(5);
        for (int i = 0; i < more; i++) {
            KeySpec spec = pick(random, KEYS);
            if (spec.key().equals("aws:username") || keys.keySet().stream().anyMatch(k -> k.equalsIgnoreCase(spec.key()))) {
                continue;
            }
            List<String> values = new ArrayList<>();
            if (spec.key().equals("aws:PrincipalArn")) {
                values.add(principal.contains(":assumed-role/") ? "arn:aws:iam::" + ACCOUNT + ":role/Builder" : principal);
            } else if (spec.multivalued()) {
                for (int n = 1 + random.nextInt(3); n > 0; n--) {
                    values.add(pick(random, spec.requestValues()));
                }
            } else {
                values.add(pick(random, spec.requestValues()));
                if (random.nextInt(25) == 0) {
                    values.add(pick(random, spec.requestValues())); // a single-valued key sent twice
                }
            }
            keys.put(keyVariant(random, spec.key()), values);
        }
        String resource = random.nextInt(4) == 0 ? randomResource(random) : pick(random, RESOURCES);
        return new Req(principal, action, resource, keys);
    }

    /** The IAM user name of a user ARN, or null for other principals. */
    static String userName(String principal) {
        int user = principal.indexOf(":user/");
        return user < 0 ? null : principal.substring(principal.lastIndexOf('/') + 1);
    }

    // ---- random patterns, for the matchers' corners ----

    /** A stretch long enough to make the matcher's bit-parallel blocks span several words. */
    private static final String LONG = "abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz-/";

    private static final List<String> PARTITIONS = List.of("aws", "aws", "aws-cn", "*", "a?s", "aws*", "");
    private static final List<String> SERVICES = List.of("s3", "iam", "ec2", "*", "s*", "", "?3");
    private static final List<String> REGIONS = List.of("", "", "us-east-1", "*", "us-*", "us-east-?", "*-1", "eu-west-1");
    private static final List<String> ACCOUNTS = List.of("", ACCOUNT, ACCOUNT, "*", "1111*", "*3333", "1111????3333",
            OTHER_ACCOUNT);
    private static final List<String> RESOURCE_PIECES = List.of("photos", "/", "/", "alice", "a", "*", "*", "?", ":",
            "${aws:username}", "**", "${*}", "${?}", "x.jpg", "logs", "${aws:username, 'a'}", "user", "$", "{", "}", LONG,
            "${aws:username, '*'}", "${aws:username, 'a}b'}", "${aws:username, ''}", "${ aws:username}", "${}",
            "${aws:username,'a'}", "${aws:username", "${aws:TagKeys}", "${aws:username, 'a:b'}");

    /** An ARN pattern from random parts, sometimes with fewer than six of them. */
    static String randomResourcePattern(Random random) {
        if (random.nextInt(30) == 0) {
            return "*";
        }
        List<String> parts = new ArrayList<>(List.of("arn", pick(random, PARTITIONS), pick(random, SERVICES),
                pick(random, REGIONS), pick(random, ACCOUNTS), randomText(random, RESOURCE_PIECES, 0, 6)));
        if (random.nextInt(8) == 0) {
            // Fewer parts: the parser accepts these only with a wildcard in them.
            int keep = 2 + random.nextInt(4);
            parts = new ArrayList<>(parts.subList(0, keep));
            parts.set(keep - 1, parts.get(keep - 1) + "*");
        }
        String pattern = String.join(":", parts);
        return pattern.equals("*") ? "arn:*" : pattern;
    }

    private static final List<String> CONCRETE_RESOURCE_PIECES = List.of("photos", "/", "/", "alice", "Alice", "a", ":",
            "x.jpg", "logs", "user", "*", "?", "${aws:username}", "$", "{", "}", "bob", LONG);

    /** A concrete resource ARN from random parts, colons in the resource part included. */
    static String randomResource(Random random) {
        if (random.nextInt(30) == 0) {
            return "*";
        }
        return String.join(":", "arn", pick(random, List.of("aws", "aws", "aws-cn")), pick(random, List.of("s3", "iam", "ec2")),
                pick(random, List.of("", "", "us-east-1", "eu-west-1")), pick(random, List.of("", ACCOUNT, ACCOUNT)),
                randomText(random, CONCRETE_RESOURCE_PIECES, 0, 6));
    }

    /** An action pattern from random pieces, wildcards anywhere. */
    static String randomActionPattern(Random random) {
        return randomText(random, List.of("s3", "iam", ":", "Get", "get", "Object", "User", "*", "*", "?", "List", "o", "t",
                "s", "3"), 1, 6);
    }

    /** A StringLike value from random pieces, variables and escapes included. */
    static String randomLikePattern(Random random) {
        return randomText(random, List.of("al", "ice", "a", "*", "*", "?", "${aws:username}", "${*}", "${?}", "${$}", "$",
                "{", "}", "b", ":", "/", "${aws:username, 'x'}", LONG, "${aws:username, '*'}", "${aws:username, 'a}b'}",
                "${aws:username, ''}", "${ aws:username}", "${}", "${aws:username,'a'}", "${aws:username", "${aws:TagKeys}",
                "${aws:username, 'a'b'}", "${AWS:USERNAME}"), 0, 6);
    }

    /** A request value for StringLike from random pieces. */
    static String randomLikeValue(Random random) {
        return randomText(random, List.of("al", "ice", "a", "*", "?", "$", "{", "}", "b", ":", "/", "x", "alice", "aws:username", LONG),
                0, 6);
    }

    static String randomText(Random random, List<String> pieces, int min, int max) {
        StringBuilder out = new StringBuilder();
        for (int i = min + random.nextInt(max - min + 1); i > 0; i--) {
            out.append(pick(random, pieces));
        }
        return out.toString();
    }

    // ---- helpers ----

    /** Any policy value of any key. */
    static String condValue(Random random) {
        return pick(random, pick(random, KEYS).policyValues());
    }

    /** Any request value of any key. */
    static String condRequestValue(Random random) {
        KeySpec spec = pick(random, KEYS);
        return spec.requestValues().isEmpty() ? pick(random, PRINCIPALS) : pick(random, spec.requestValues());
    }

    static <T> T pick(Random random, List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Mostly as written; sometimes all lower or upper case, as actions and key names compare without case. */
    static String caseVariant(Random random, String text) {
        int r = random.nextInt(8);
        return r == 0 ? text.toLowerCase(Locale.ROOT) : r == 1 ? text.toUpperCase(Locale.ROOT) : text;
    }

    static String keyVariant(Random random, String key) {
        return random.nextInt(10) == 0 ? caseVariant(random, key) : key;
    }
}
