/**
 * Secrets at rest and guessing limits: Argon2id hashes, AES-GCM for TOTP seeds under a key kept
 * outside the database, random credentials, and the failure throttle.
 */
package dev.iamgate.example.security;
