/**
 * A user's credentials besides the password: access keys, signing certificates, SSH public keys,
 * service-specific credentials, and the temporary credentials of sts:GetSessionToken.
 */
package dev.iamgate.example.credentials;
