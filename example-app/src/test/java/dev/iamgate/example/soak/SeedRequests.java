package dev.iamgate.example.soak;

import static dev.iamgate.example.soak.SeedOracle.mfaArn;
import static dev.iamgate.example.soak.SeedOracle.userArn;

import dev.iamgate.example.soak.Expectation.Authenticated;
import dev.iamgate.example.soak.Expectation.Decided;
import dev.iamgate.example.soak.Expectation.NotAuthenticated;
import dev.iamgate.example.soak.Expectation.Public;
import dev.iamgate.example.soak.Expectation.Unmapped;
import dev.iamgate.example.soak.SeedOracle.Principal;
import dev.iamgate.example.soak.SeedOracle.Verdict;
import dev.iamgate.example.testing.ApiClient;
import java.util.ArrayList;
import java.util.List;

/**
 * The soak's requests that change nothing, each with its IAM action and resource written out here
 * (not read from the app's mapping file) and its expected answer from {@link SeedOracle}: reads of
 * a user's credentials, account-wide reads, writes the policy must refuse, the authenticated-only
 * and unmapped routes, and the same without a caller.
 */
final class SeedRequests {

    /** A read: path under {@code /api/users/{user}}, its action. */
    private record UserRead(String suffix, String action) {}

    private static final List<UserRead> USER_READS = List.of(
            new UserRead("", "iam:GetUser"),
            new UserRead("/access-keys", "iam:ListAccessKeys"),
            new UserRead("/signing-certificates", "iam:ListSigningCertificates"),
            new UserRead("/ssh-public-keys", "iam:ListSSHPublicKeys"),
            new UserRead("/service-specific-credentials", "iam:ListServiceSpecificCredentials"),
            new UserRead("/mfa-devices", "iam:ListMFADevices"),
            new UserRead("/policies/mfa-self-manage", "iam:GetUserPolicy"));

    /** Account-wide reads: path, action, on {@code *}. */
    private static final List<String[]> ACCOUNT_READS = List.of(
            new String[] {"/api/account/summary", "iam:GetAccountSummary"},
            new String[] {"/api/account/password-policy", "iam:GetAccountPasswordPolicy"},
            new String[] {"/api/mfa/virtual-devices", "iam:ListVirtualMFADevices"},
            new String[] {"/api/users", "iam:ListUsers"});

    private SeedRequests() {}

    /** Every read of {@code target}'s user and credentials; allowed ones answer 200. */
    static List<Probe> userReads(Principal caller, String target) {
        List<Probe> probes = new ArrayList<>();
        for (UserRead read : USER_READS) {
            probes.add(Probe.get("/api/users/" + target + read.suffix(),
                    Decided.of(caller, read.action(), userArn(target), 200, "")));
        }
        return probes;
    }

    /** The account-wide reads; allowed ones answer 200. */
    static List<Probe> accountReads(Principal caller) {
        List<Probe> probes = new ArrayList<>();
        for (String[] read : ACCOUNT_READS) {
            probes.add(Probe.get(read[0], Decided.of(caller, read[1], "*", 200, "")));
        }
        return probes;
    }

    /**
     * Writes a seed user may not make: on another user's credentials and device, creating a user,
     * granting herself a policy. Fails at once if the oracle would allow one (it would change data).
     */
    static List<Probe> forbiddenWrites(Principal caller, String other) {
        String self = caller.user();
        List<Probe> probes = List.of(
                Probe.empty("POST", "/api/users/" + other + "/access-keys",
                        Decided.of(caller, "iam:CreateAccessKey", userArn(other), 200, "")),
                Probe.empty("DELETE", "/api/users/" + other + "/ssh-public-keys/APKAEXAMPLEEXAMPLE00",
                        Decided.of(caller, "iam:DeleteSSHPublicKey", userArn(other), 204, "")),
                Probe.json("POST", "/api/users", ApiClient.json("UserName", "mallory"),
                        Decided.of(caller, "iam:CreateUser", "*", 200, "")),
                Probe.json("PUT", "/api/users/" + self + "/policies/escalate",
                        "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}",
                        Decided.of(caller, "iam:PutUserPolicy", userArn(self), 200, "")),
                Probe.empty("DELETE", "/api/mfa/virtual-devices/" + other,
                        Decided.of(caller, "iam:DeleteVirtualMFADevice", mfaArn(other), 204, "")),
                Probe.json("POST", "/api/users/" + other + "/password",
                        ApiClient.json("OldPassword", "Whatever-1234", "NewPassword", "Whatever-5678"),
                        Decided.of(caller, "iam:ChangePassword", userArn(other), 204, "")),
                Probe.empty("DELETE", "/api/users/" + other + "/mfa-devices/" + other,
                        Decided.of(caller, "iam:DeactivateMFADevice", userArn(other), 204, "")));
        for (Probe probe : probes) {
            if (((Decided) probe.expected()).verdict() == Verdict.ALLOW) {
                throw new IllegalStateException("not a forbidden write for " + self + ": " + probe);
            }
        }
        return probes;
    }

    /** The authenticated-only session route, and two requests no route maps. */
    static List<Probe> sessionAndUnmapped(Principal caller) {
        return List.of(
                Probe.get("/api/session", new Authenticated(caller, 200)),
                Probe.get("/api/nothing-here", new Unmapped(caller)),
                Probe.json("PUT", "/api/users/" + caller.user(), "{}", new Unmapped(caller)));
    }

    /** Without a caller: the protected routes answer 401, the page and its files 200. */
    static List<Probe> anonymous(String target) {
        List<Probe> probes = new ArrayList<>();
        for (UserRead read : USER_READS) {
            probes.add(Probe.get("/api/users/" + target + read.suffix(), new NotAuthenticated()));
        }
        for (String[] read : ACCOUNT_READS) {
            probes.add(Probe.get(read[0], new NotAuthenticated()));
        }
        probes.add(Probe.empty("POST", "/api/users/" + target + "/access-keys", new NotAuthenticated()));
        probes.add(Probe.get("/api/session", new NotAuthenticated()));
        // the container forwards "/" to its welcome file, and the filter decides the forward too
        probes.add(Probe.get("/", new Public(200, "/index.html")));
        probes.add(Probe.get("/assets/app.css", new Public(200)));
        probes.add(Probe.get("/assets/app.js", new Public(200)));
        return probes;
    }
}
