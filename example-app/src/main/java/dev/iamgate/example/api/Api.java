package dev.iamgate.example.api;

import dev.iamgate.example.credentials.AccessKeys;
import dev.iamgate.example.credentials.ServiceSpecificCredentials;
import dev.iamgate.example.credentials.SessionTokens;
import dev.iamgate.example.credentials.SigningCertificates;
import dev.iamgate.example.credentials.SshPublicKeys;
import dev.iamgate.example.iam.Account;
import dev.iamgate.example.mfa.VirtualMfaDevices;
import dev.iamgate.example.policies.InlinePolicies;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.Throttle;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.users.Passwords;
import dev.iamgate.example.users.Users;
import java.time.InstantSource;

/**
 * The whole API: every route of {@code iam-routes.json} with its handler.
 *
 * @param account the account
 * @param database the store, for handlers that compose several writes in one transaction
 * @param users users
 * @param passwords console passwords
 * @param policies inline policies
 * @param devices virtual MFA devices
 * @param accessKeys access keys
 * @param certificates signing certificates
 * @param sshKeys SSH public keys
 * @param serviceCredentials service-specific credentials
 * @param sessionTokens temporary credentials
 * @param random fresh secrets (CSRF tokens)
 * @param throttle the guessing throttle
 * @param clock the clock
 */
public record Api(
        Account account,
        Database database,
        Users users,
        Passwords passwords,
        InlinePolicies policies,
        VirtualMfaDevices devices,
        AccessKeys accessKeys,
        SigningCertificates certificates,
        SshPublicKeys sshKeys,
        ServiceSpecificCredentials serviceCredentials,
        SessionTokens sessionTokens,
        RandomSecrets random,
        Throttle throttle,
        InstantSource clock) {

    /** The router with every route. */
    public Router router() {
        Router router = new Router();
        Attempts attempts = new Attempts(throttle);
        new SignInRoutes(account, users, passwords, devices, random, attempts, clock).register(router);
        new AccountRoutes(account, users, passwords, devices).register(router);
        new UserRoutes(account, database, users, passwords, attempts).register(router);
        new PolicyRoutes(policies).register(router);
        new MfaRoutes(account, devices, attempts).register(router);
        new CredentialRoutes(accessKeys, certificates, sshKeys, serviceCredentials).register(router);
        new StsRoutes(sessionTokens, devices, attempts, clock).register(router);
        return router;
    }
}
