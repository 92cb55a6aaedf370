package dev.iamgate.example.soak;

import static dev.iamgate.example.soak.SeedOracle.mfaArn;
import static dev.iamgate.example.soak.SeedOracle.userArn;

import dev.iamgate.example.soak.Expectation.Authenticated;
import dev.iamgate.example.soak.Expectation.Decided;
import dev.iamgate.example.soak.Expectation.NotAuthenticated;
import dev.iamgate.example.soak.Expectation.Public;
import dev.iamgate.example.soak.Expectation.RefusedBeforeTheFilter;
import dev.iamgate.example.soak.Expectation.RejectedPath;
import dev.iamgate.example.soak.SeedOracle.Principal;
import dev.iamgate.example.testing.ApiClient;
import dev.iamgate.example.testing.TestApp;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** The soak's kinds of session: what each one's round sends. */
final class Sessions {

    private Sessions() {}

    /**
     * A signed-in caller that only reads and tries what it may not do: the credentials of two users
     * ({@code first} is the caller herself, except for the admin), the account-wide reads, forbidden writes (not for the admin, who may do them),
     * the session route and unmapped requests. Without MFA it also asks for its own virtual device
     * again: allowed, and refused by the app as existing.
     */
    static Session reader(String name, Tally tally, ApiClient client, Principal caller, String first, String other) {
        List<Probe> probes = new ArrayList<>(SeedRequests.userReads(caller, first));
        probes.addAll(SeedRequests.userReads(caller, other));
        probes.addAll(SeedRequests.accountReads(caller));
        probes.addAll(SeedRequests.sessionAndUnmapped(caller));
        if (!caller.administrator()) {
            probes.addAll(SeedRequests.forbiddenWrites(caller, other));
        }
        if (!caller.mfa() && !caller.administrator()) {
            probes.add(Probe.empty("POST", "/api/mfa/virtual-devices/" + caller.user(), Decided.of(caller,
                    "iam:CreateVirtualMFADevice", mfaArn(caller.user()), 409, "EntityAlreadyExists")));
        }
        List<Probe> script = List.copyOf(probes);
        return new Session(name, tally) {
            @Override
            void round() {
                sendAll(client, script);
            }
        };
    }

    /** No caller at all: 401 on the API, 200 on the page. */
    static Session anonymous(String name, Tally tally, ApiClient client) {
        List<Probe> script = SeedRequests.anonymous("alice");
        return new Session(name, tally) {
            @Override
            void round() {
                sendAll(client, script);
            }
        };
    }

    /**
     * A seed user with MFA who owns her user alone, so her writes have exact answers: creates,
     * changes and deletes an access key, an SSH key and a Git credential; sends bodies the app must
     * refuse (not JSON, too large, not JSON's media type, not a key); a write without the CSRF
     * token; and writes on another user's credentials.
     */
    static Session writer(String name, Tally tally, ApiClient client, Principal caller, String other) {
        String base = "/api/users/" + caller.user();
        String user = userArn(caller.user());
        String sshKey = TestApp.resource("/ssh/ed25519.pub");
        List<Probe> refused = List.of(
                Probe.json("POST", base + "/ssh-public-keys", "{",
                        Decided.malformed(caller, "iam:UploadSSHPublicKey", user, 400, "MalformedInput")),
                Probe.json("POST", base + "/ssh-public-keys", "{\"SSHPublicKeyBody\":\"" + "A".repeat(70 * 1024) + "\"}",
                        Decided.malformed(caller, "iam:UploadSSHPublicKey", user, 400, "InvalidInput")),
                new Probe("POST", base + "/ssh-public-keys", "SSHPublicKeyBody=x", "application/x-www-form-urlencoded",
                        Decided.malformed(caller, "iam:UploadSSHPublicKey", user, 415, "UnsupportedMediaType")),
                Probe.json("POST", base + "/ssh-public-keys", ApiClient.json("SSHPublicKeyBody", "ssh-ed25519 bm90IGEga2V5"),
                        Decided.malformed(caller, "iam:UploadSSHPublicKey", user, 400, "InvalidPublicKey")));
        List<Probe> forbidden = SeedRequests.forbiddenWrites(caller, other);
        Probe withoutToken = Probe.empty("POST", base + "/access-keys", new RefusedBeforeTheFilter(403, "InvalidCsrfToken"));
        return new Session(name, tally) {
            @Override
            void round() {
                String key = id(send(client, Probe.empty("POST", base + "/access-keys",
                        Decided.of(caller, "iam:CreateAccessKey", user, 200, ""))), "AccessKey", "AccessKeyId");
                send(client, Probe.json("PATCH", base + "/access-keys/" + key, ApiClient.json("Status", "Inactive"),
                        Decided.of(caller, "iam:UpdateAccessKey", user, 204, "")));
                send(client, Probe.empty("DELETE", base + "/access-keys/" + key,
                        Decided.of(caller, "iam:DeleteAccessKey", user, 204, "")));

                String ssh = id(send(client, Probe.json("POST", base + "/ssh-public-keys",
                        ApiClient.json("SSHPublicKeyBody", sshKey),
                        Decided.of(caller, "iam:UploadSSHPublicKey", user, 200, ""))), "SSHPublicKey", "SSHPublicKeyId");
                send(client, Probe.get(base + "/ssh-public-keys/" + ssh,
                        Decided.of(caller, "iam:GetSSHPublicKey", user, 200, "")));
                send(client, Probe.empty("DELETE", base + "/ssh-public-keys/" + ssh,
                        Decided.of(caller, "iam:DeleteSSHPublicKey", user, 204, "")));

                String git = id(send(client, Probe.json("POST", base + "/service-specific-credentials",
                        ApiClient.json("ServiceName", "codecommit.amazonaws.com"),
                        Decided.of(caller, "iam:CreateServiceSpecificCredential", user, 200, ""))),
                        "ServiceSpecificCredential", "ServiceSpecificCredentialId");
                send(client, Probe.empty("POST", base + "/service-specific-credentials/" + git + "/reset",
                        Decided.of(caller, "iam:ResetServiceSpecificCredential", user, 200, "")));
                send(client, Probe.empty("DELETE", base + "/service-specific-credentials/" + git,
                        Decided.of(caller, "iam:DeleteServiceSpecificCredential", user, 204, "")));

                sendAll(client, refused);
                sendAll(client, forbidden);
                String token = client.csrfToken();
                client.withCsrfToken(null);
                send(client, withoutToken);
                client.withCsrfToken(token);
            }
        };
    }

    /**
     * Signs a user in with the password, reads, signs out, and is refused after: sessions come and
     * go all through the soak, as in a real deployment.
     */
    static Session churn(String name, Tally tally, ApiClient client, String user) {
        Principal caller = Principal.seedUser(user, false);
        List<Probe> script = List.of(
                Probe.json("POST", "/api/login", ApiClient.json("UserName", user, "Password", TestApp.PASSWORD),
                        new Public(200)),
                Probe.get("/api/users/" + user, Decided.of(caller, "iam:GetUser", userArn(user), 200, "")),
                Probe.get("/api/session", new Authenticated(caller, 200)),
                Probe.empty("POST", "/api/logout", new Public(204)),
                Probe.get("/api/users/" + user, new NotAuthenticated()));
        return new Session(name, tally) {
            @Override
            void round() {
                sendAll(client, script);
            }
        };
    }

    /**
     * Paths a container could read differently (the bypass payloads marked 400), alternately without
     * a session and with a signed-in user's cookie, and requests broken at the HTTP level: all 400.
     */
    static Session malformed(String name, Tally tally, RawHttp raw, List<String> paths, String cookie) {
        List<Probe> probes = new ArrayList<>();
        for (String path : paths) {
            probes.add(Probe.get(path, new RejectedPath()));
        }
        Probe badLength = Probe.get("/api/users/alice", new RefusedBeforeTheFilter(400, ""));
        Probe badHeader = Probe.get("/api/users/alice", new RefusedBeforeTheFilter(400, ""));
        return new Session(name, tally) {
            private boolean withCookie;

            @Override
            void round() {
                for (Probe probe : probes) {
                    sendRaw(raw, probe, withCookie ? cookie : null);
                    withCookie = !withCookie;
                }
                sendRawRequest(raw, badLength, "GET /api/users/alice HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "Content-Length: twelve\r\nConnection: close\r\n\r\n");
                sendRawRequest(raw, badHeader, "GET /api/users/alice HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                        + "No colon here\r\nConnection: close\r\n\r\n");
            }
        };
    }

    /** The id in {@code answer.json()[object][field]}, or a placeholder when the answer was wrong. */
    private static String id(ApiClient.Response answer, String object, String field) {
        if (answer == null || answer.status() != 200) {
            return "MISSING";
        }
        JsonNode value = answer.json().path(object).path(field);
        return value.isString() ? value.asString() : "MISSING";
    }
}
