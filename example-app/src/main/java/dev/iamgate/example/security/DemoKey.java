package dev.iamgate.example.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The AES key that encrypts TOTP seeds, kept outside the database so a copy of the database alone
 * reveals no seed: from the environment variable {@code IAMGATE_DEMO_KEY} (base64 of 32 bytes), or
 * from the key file in the data directory, created with owner-only permissions on first start.
 */
public final class DemoKey {

    /** The environment variable that, when set, holds the key. */
    public static final String ENVIRONMENT_VARIABLE = "IAMGATE_DEMO_KEY";
    /** The key file's name in the data directory. */
    public static final String FILE_NAME = "iamgate-demo.key";

    private static final Logger LOG = LoggerFactory.getLogger(DemoKey.class);
    private static final int KEY_BYTES = 32;

    private DemoKey() {}

    /**
     * The key from {@code environmentValue} if present, else from the key file in {@code dataDirectory},
     * created if missing.
     */
    public static SecretKey load(Optional<String> environmentValue, Path dataDirectory, SecureRandom random)
            throws IOException {
        if (environmentValue.isPresent()) {
            return decode(environmentValue.get(), "environment variable " + ENVIRONMENT_VARIABLE);
        }
        Path file = dataDirectory.resolve(FILE_NAME);
        if (!Files.exists(file)) {
            try {
                create(file, random);
                LOG.info("Created the key that encrypts MFA seeds: {} (back it up with the database)", file);
            } catch (FileAlreadyExistsException raced) {
                // Another process created it first: read theirs.
            }
        }
        warnIfReadableByOthers(file);
        return decode(Files.readString(file, StandardCharsets.US_ASCII).strip(), "key file " + file);
    }

    private static void create(Path file, SecureRandom random) throws IOException {
        byte[] key = new byte[KEY_BYTES];
        random.nextBytes(key);
        byte[] text = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
        if (Files.getFileStore(file.getParent()).supportsFileAttributeView("posix")) {
            // Created with 0600 from the start: never briefly readable by others.
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            Files.write(file, text, StandardOpenOption.TRUNCATE_EXISTING);
        } else {
            Files.write(file, text, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
        }
    }

    private static void warnIfReadableByOthers(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        if (permissions.contains(PosixFilePermission.GROUP_READ) || permissions.contains(PosixFilePermission.OTHERS_READ)) {
            LOG.warn("The key file {} is readable by other users ({}); make it private: chmod 600", file,
                    PosixFilePermissions.toString(permissions));
        }
    }

    private static SecretKey decode(String base64, String where) {
        byte[] key;
        try {
            key = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("The " + where + " is not base64");
        }
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("The " + where + " must hold " + KEY_BYTES + " bytes (base64), not "
                    + key.length);
        }
        return new SecretKeySpec(key, "AES");
    }
}
