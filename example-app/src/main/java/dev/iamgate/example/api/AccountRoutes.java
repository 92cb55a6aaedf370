package dev.iamgate.example.api;

import dev.iamgate.example.credentials.AccessKeys;
import dev.iamgate.example.credentials.SigningCertificates;
import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.mfa.VirtualMfaDevices;
import dev.iamgate.example.users.Passwords;
import dev.iamgate.example.users.Users;
import dev.iamgate.validate.Attachment;
import java.util.LinkedHashMap;
import java.util.Map;

/** Account-wide facts: GetAccountSummary and GetAccountPasswordPolicy. */
final class AccountRoutes {

    private final Account account;
    private final Users users;
    private final Passwords passwords;
    private final VirtualMfaDevices devices;

    AccountRoutes(Account account, Users users, Passwords passwords, VirtualMfaDevices devices) {
        this.account = account;
        this.users = users;
        this.passwords = passwords;
        this.devices = devices;
    }

    void register(Router router) {
        router.add("GET", "/api/account/summary", request -> Reply.ok(Map.of("SummaryMap", summary())));
        router.add("GET", "/api/account/password-policy", request -> Reply.ok(Map.of("PasswordPolicy",
                passwords.policy().orElseThrow(() -> IamException.noSuchEntity(
                        "The Password Policy with domain name " + account.id() + " cannot be found.")))));
    }

    private Map<String, Long> summary() {
        VirtualMfaDevices.Counts mfa = devices.counts();
        Map<String, Long> summary = new LinkedHashMap<>();
        summary.put("Users", users.count());
        summary.put("UsersQuota", 5000L);
        summary.put("MFADevices", mfa.devices());
        summary.put("MFADevicesInUse", mfa.inUse());
        // The account's root user is not modelled: it has no MFA and no access keys.
        summary.put("AccountMFAEnabled", 0L);
        summary.put("AccountAccessKeysPresent", 0L);
        summary.put("AccessKeysPerUserQuota", (long) AccessKeys.MAX_PER_USER);
        summary.put("SigningCertificatesPerUserQuota", (long) SigningCertificates.MAX_PER_USER);
        summary.put("UserPolicySizeQuota", (long) Attachment.USER_INLINE.sizeLimit());
        summary.put("PolicySizeQuota", (long) Attachment.MANAGED.sizeLimit());
        return summary;
    }
}
