/**
 * Virtual MFA: RFC 6238 codes, devices with encrypted seeds, enabling with two consecutive codes,
 * and replay-proof code checks.
 */
package dev.iamgate.example.mfa;
