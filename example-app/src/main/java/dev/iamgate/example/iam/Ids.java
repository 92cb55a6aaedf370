package dev.iamgate.example.iam;

import java.security.SecureRandom;

/**
 * Unique ids in IAM's style: a four-letter prefix naming the kind of entity ({@code AIDA} user,
 * {@code AKIA} access key, {@code ASIA} temporary key, {@code APKA} SSH key, {@code ASCA}
 * certificate, {@code ACCA} service-specific credential) followed by random characters of the
 * base32 alphabet. Random, not sequential, so an id tells nothing about others.
 */
public final class Ids {

    private static final char[] ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".toCharArray();

    private final SecureRandom random;

    public Ids(SecureRandom random) {
        this.random = random;
    }

    /** {@code AIDA} and 17 characters, like IAM user ids. */
    public String userId() {
        return next("AIDA", 17);
    }

    /** {@code AKIA} and 16 characters: 20 in all, like IAM access key ids. */
    public String accessKeyId() {
        return next("AKIA", 16);
    }

    /** {@code ASIA} and 16 characters, like temporary access key ids of STS. */
    public String temporaryAccessKeyId() {
        return next("ASIA", 16);
    }

    public String sshPublicKeyId() {
        return next("APKA", 16);
    }

    public String certificateId() {
        return next("ASCA", 24);
    }

    public String serviceSpecificCredentialId() {
        return next("ACCA", 17);
    }

    private String next(String prefix, int length) {
        StringBuilder id = new StringBuilder(prefix.length() + length).append(prefix);
        for (int i = 0; i < length; i++) {
            id.append(ALPHABET[random.nextInt(ALPHABET.length)]);
        }
        return id.toString();
    }
}
