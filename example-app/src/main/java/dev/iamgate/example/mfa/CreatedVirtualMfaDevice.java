package dev.iamgate.example.mfa;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * A virtual MFA device just created: the only time its seed leaves the server.
 *
 * @param serialNumber {@code arn:aws:iam::ACCOUNT:mfa/NAME}
 * @param base32StringSeed the TOTP seed, base32 (what a user types into an authenticator app)
 * @param qrCodePng a PNG of the QR code of the {@code otpauth://} URI (base64 in JSON)
 */
public record CreatedVirtualMfaDevice(
        String serialNumber,
        String base32StringSeed,
        @JsonProperty("QRCodePNG") byte[] qrCodePng) {}
