package dev.iamgate.internal.validate;

import dev.iamgate.policy.OperatorFamily;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@code aws:} global condition keys AWS documents, with their type and whether they hold
 * several values. Service keys ({@code s3:prefix}, ...) are not listed: without AWS's service
 * catalogue the validator only checks their shape.
 */
final class GlobalKeys {

    /** The type of a key's values, and the operator families that compare it. */
    enum KeyType {
        STRING(OperatorFamily.STRING),
        ARN(OperatorFamily.STRING, OperatorFamily.ARN),
        NUMERIC(OperatorFamily.NUMERIC),
        DATE(OperatorFamily.DATE),
        /** aws:EpochTime: a date that Numeric operators may compare as well. */
        EPOCH(OperatorFamily.DATE, OperatorFamily.NUMERIC),
        BOOL(OperatorFamily.BOOL),
        IP(OperatorFamily.IP_ADDRESS);

        private final Set<OperatorFamily> families;

        KeyType(OperatorFamily first, OperatorFamily... rest) {
            this.families = EnumSet.of(first, rest);
        }

        /** Whether operators of this family compare values of this type (Null compares any). */
        boolean accepts(OperatorFamily family) {
            return family == OperatorFamily.NULL || families.contains(family);
        }

        String displayName() {
            return name().charAt(0) + name().substring(1).toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One key.
     *
     * @param name the documented spelling
     * @param type its values' type
     * @param multivalued whether a request may carry several values
     * @param replacement for a deprecated key, the key to use instead; null otherwise
     */
    record GlobalKey(String name, KeyType type, boolean multivalued, String replacement) {}

    /** Keys followed by a tag key of the author's choosing: aws:PrincipalTag/Department. */
    private static final List<String> TAG_PREFIXES =
            List.of("aws:PrincipalTag/", "aws:RequestTag/", "aws:ResourceTag/");

    private static final Map<String, GlobalKey> KEYS = new HashMap<>();
    private static final List<String> NAMES = new ArrayList<>();

    static {
        for (String name : List.of("aws:PrincipalAccount", "aws:PrincipalOrgID",
                "aws:PrincipalServiceName", "aws:PrincipalType", "aws:userid", "aws:username",
                "aws:FederatedProvider", "aws:SourceIdentity", "aws:Ec2InstanceSourceVpc",
                "aws:SourceVpc", "aws:SourceVpce", "aws:ResourceAccount", "aws:ResourceOrgID",
                "aws:RequestedRegion", "aws:UserAgent", "aws:Referer", "aws:SourceAccount",
                "aws:SourceOrgID", "aws:CalledViaFirst", "aws:CalledViaLast", "aws:VpceAccount",
                "aws:VpceOrgID")) {
            add(name, KeyType.STRING, false, null);
        }
        for (String name : List.of("aws:PrincipalOrgPaths", "aws:PrincipalServiceNamesList",
                "aws:CalledVia", "aws:ResourceOrgPaths", "aws:SourceOrgPaths", "aws:TagKeys",
                "aws:VpceOrgPaths")) {
            add(name, KeyType.STRING, true, null);
        }
        for (String name : List.of("aws:PrincipalArn", "aws:SourceArn", "aws:SourceVpcArn")) {
            add(name, KeyType.ARN, false, null);
        }
        for (String name : List.of("aws:MultiFactorAuthPresent", "aws:SecureTransport",
                "aws:ViaAWSService", "aws:PrincipalIsAWSService", "aws:AssumedRoot")) {
            add(name, KeyType.BOOL, false, null);
        }
        for (String name : List.of("aws:SourceIp", "aws:VpcSourceIp",
                "aws:Ec2InstanceSourcePrivateIPv4")) {
            add(name, KeyType.IP, false, null);
        }
        add("aws:MultiFactorAuthAge", KeyType.NUMERIC, false, null);
        add("aws:CurrentTime", KeyType.DATE, false, null);
        add("aws:TokenIssueTime", KeyType.DATE, false, null);
        add("aws:EpochTime", KeyType.EPOCH, false, null);
        add("aws:ARN", KeyType.ARN, false, "aws:PrincipalArn");
        NAMES.addAll(TAG_PREFIXES);
    }

    private GlobalKeys() {}

    private static void add(String name, KeyType type, boolean multivalued, String replacement) {
        KEYS.put(name.toLowerCase(Locale.ROOT), new GlobalKey(name, type, multivalued, replacement));
        NAMES.add(name);
    }

    /** Whether the key is in the {@code aws:} namespace (any case). */
    static boolean isGlobal(String key) {
        return key.regionMatches(true, 0, "aws:", 0, 4);
    }

    /** The global key, names compared ignoring case; tag keys need a non-empty tag name. */
    static Optional<GlobalKey> find(String key) {
        GlobalKey known = KEYS.get(key.toLowerCase(Locale.ROOT));
        if (known != null) {
            return Optional.of(known);
        }
        for (String prefix : TAG_PREFIXES) {
            if (key.length() > prefix.length()
                    && key.regionMatches(true, 0, prefix, 0, prefix.length())) {
                return Optional.of(new GlobalKey(prefix + key.substring(prefix.length()),
                        KeyType.STRING, false, null));
            }
        }
        return Optional.empty();
    }

    /** " Did you mean X?" for a global key that does not exist, or nothing. */
    static String suggestion(String key) {
        int slash = key.indexOf('/');
        if (slash >= 0) {
            // a tag key: only the part up to the slash can be a typo
            return Suggestions.closest(key.substring(0, slash + 1), TAG_PREFIXES)
                    .map(p -> " Did you mean " + p + key.substring(slash + 1) + "?")
                    .orElse("");
        }
        return Suggestions.didYouMean(key, NAMES);
    }
}
