package dev.iamgate.example.soak;

import java.util.Set;
import java.util.TreeSet;

/**
 * What the demo's two policies decide, written down from their text rather than computed by
 * iamgate's evaluator, so the soak test judges the filter against an independent answer.
 * AdministratorAccess allows everything. The seed policy (AWS's MFA self-manage example) allows a
 * few account-wide reads, a user's own credentials and her own virtual MFA device, and denies every
 * action outside its NotAction list while {@code aws:MultiFactorAuthPresent} is false or absent
 * (an access key). {@link SeedOracleTest} holds this table against the evaluator.
 */
final class SeedOracle {

    static final String ACCOUNT = "123456789012";

    /** A policy decision as the decision log names it. */
    enum Verdict {
        ALLOW("Allow"), IMPLICIT_DENY("ImplicitDeny"), EXPLICIT_DENY("ExplicitDeny");

        final String wireName;

        Verdict(String wireName) {
            this.wireName = wireName;
        }
    }

    /** A caller: a seed-policy user signed in with or without MFA (an access key has none), or the admin. */
    record Principal(String user, boolean administrator, boolean mfa) {

        static Principal seedUser(String user, boolean mfa) {
            return new Principal(user, false, mfa);
        }

        static Principal admin() {
            return new Principal("admin", true, false);
        }

        String arn() {
            return userArn(user);
        }
    }

    /** AllowViewAccountInfo: on {@code *}. */
    private static final Set<String> ACCOUNT_WIDE = Set.of(
            "iam:GetAccountPasswordPolicy", "iam:GetAccountSummary", "iam:ListVirtualMFADevices");
    /** The Allow statements on {@code arn:aws:iam::*:user/${aws:username}}. */
    private static final Set<String> OWN_USER = Set.of(
            "iam:ChangePassword", "iam:GetUser",
            "iam:CreateAccessKey", "iam:DeleteAccessKey", "iam:ListAccessKeys", "iam:UpdateAccessKey",
            "iam:DeleteSigningCertificate", "iam:ListSigningCertificates", "iam:UpdateSigningCertificate",
            "iam:UploadSigningCertificate",
            "iam:DeleteSSHPublicKey", "iam:GetSSHPublicKey", "iam:ListSSHPublicKeys", "iam:UpdateSSHPublicKey",
            "iam:UploadSSHPublicKey",
            "iam:CreateServiceSpecificCredential", "iam:DeleteServiceSpecificCredential",
            "iam:ListServiceSpecificCredentials", "iam:ResetServiceSpecificCredential",
            "iam:UpdateServiceSpecificCredential",
            "iam:DeactivateMFADevice", "iam:EnableMFADevice", "iam:ListMFADevices", "iam:ResyncMFADevice");
    /** AllowManageOwnVirtualMFADevice: on {@code arn:aws:iam::*:mfa/${aws:username}}. */
    private static final Set<String> OWN_DEVICE = Set.of("iam:CreateVirtualMFADevice", "iam:DeleteVirtualMFADevice");
    /** DenyAllExceptListedIfNoMFA's NotAction list. */
    private static final Set<String> WITHOUT_MFA = Set.of(
            "iam:ChangePassword", "iam:CreateVirtualMFADevice", "iam:EnableMFADevice", "iam:GetUser",
            "iam:ListMFADevices", "iam:ListVirtualMFADevices", "iam:ResyncMFADevice", "sts:GetSessionToken");

    private SeedOracle() {}

    static Verdict decide(Principal caller, String action, String resource) {
        if (caller.administrator()) {
            return Verdict.ALLOW;
        }
        if (!caller.mfa() && !WITHOUT_MFA.contains(action)) {
            return Verdict.EXPLICIT_DENY;
        }
        boolean allowed = ACCOUNT_WIDE.contains(action)
                || OWN_USER.contains(action) && resource.equals(userArn(caller.user()))
                || OWN_DEVICE.contains(action) && resource.equals(mfaArn(caller.user()));
        return allowed ? Verdict.ALLOW : Verdict.IMPLICIT_DENY;
    }

    static String userArn(String user) {
        return "arn:aws:iam::" + ACCOUNT + ":user/" + user;
    }

    static String mfaArn(String device) {
        return "arn:aws:iam::" + ACCOUNT + ":mfa/" + device;
    }

    /** Every action the seed policy names, for tables that go through all of them. */
    static Set<String> actions() {
        Set<String> all = new TreeSet<>(ACCOUNT_WIDE);
        all.addAll(OWN_USER);
        all.addAll(OWN_DEVICE);
        all.addAll(WITHOUT_MFA);
        all.add("iam:ListUsers");
        all.add("iam:CreateUser");
        all.add("iam:GetUserPolicy");
        all.add("iam:PutUserPolicy");
        return all;
    }
}
