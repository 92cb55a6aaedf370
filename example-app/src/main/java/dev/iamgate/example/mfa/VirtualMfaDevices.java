package dev.iamgate.example.mfa;

import dev.iamgate.example.iam.Account;
import dev.iamgate.example.iam.ErrorCode;
import dev.iamgate.example.iam.IamException;
import dev.iamgate.example.iam.Names;
import dev.iamgate.example.security.RandomSecrets;
import dev.iamgate.example.security.SecretBox;
import dev.iamgate.example.store.Database;
import dev.iamgate.example.store.Sql;
import dev.iamgate.example.users.User;
import dev.iamgate.example.users.Users;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Virtual MFA devices: created for the account, enabled for a user with two consecutive codes,
 * resynchronised, deactivated, deleted; and the check of a code at sign-in and for temporary
 * credentials.
 *
 * <p>Seeds are stored encrypted ({@link SecretBox}, bound to the serial number) and decrypted only
 * to check a code. Every accepted code moves the device's last accepted step forward, in the same
 * transaction that checked it with the device row locked, so a code (or an earlier one) is never
 * accepted twice, even by two requests at once.
 */
public final class VirtualMfaDevices {

    /** IAM's limit of MFA devices per user. */
    public static final int MAX_DEVICES_PER_USER = 8;
    /** Enable and resync look this many steps either side of now (ten minutes): stale codes still enable. */
    static final int ENABLE_WINDOW_STEPS = 20;
    /** Sign-in accepts a code one step either side of now, corrected by the device's drift. */
    static final int SIGN_IN_WINDOW_STEPS = 1;
    /** Seed length: 40 bytes, 64 base32 characters, as AWS makes them. */
    static final int SEED_BYTES = 40;
    private static final String ISSUER = "iamgate demo";

    private final Database database;
    private final Account account;
    private final SecretBox box;
    private final RandomSecrets random;
    private final InstantSource clock;

    public VirtualMfaDevices(Database database, Account account, SecretBox box, RandomSecrets random, InstantSource clock) {
        this.database = database;
        this.account = account;
        this.box = box;
        this.random = random;
        this.clock = clock;
    }

    /**
     * Creates an unassigned virtual device named {@code name}; its seed is returned this once.
     *
     * @throws IamException {@code EntityAlreadyExists} when the account has a device of that name
     */
    public CreatedVirtualMfaDevice create(String name) {
        Names.require("VirtualMFADeviceName", name, Names.MFA_DEVICE_NAME_MAX);
        String serial = account.mfaSerial(name);
        byte[] seed = random.bytes(SEED_BYTES);
        try {
            String base32 = Base32.encode(seed);
            String sealed = box.seal(seed, serial);
            database.transaction(connection -> {
                if (Sql.count(connection, "SELECT COUNT(*) FROM mfa_devices WHERE serial_number = ?", serial) > 0) {
                    throw new IamException(ErrorCode.ENTITY_ALREADY_EXISTS, "MFADevice entity at the same path and name"
                            + " already exists.");
                }
                return Sql.update(connection, "INSERT INTO mfa_devices (serial_number, device_name, seed_ciphertext,"
                        + " create_date, drift) VALUES (?, ?, ?, ?, 0)", serial, name, sealed, now());
            });
            byte[] qr = QrCodes.png(QrCodes.otpauthUri(ISSUER, name + "@" + account.id(), base32));
            return new CreatedVirtualMfaDevice(serial, base32, qr);
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
    }

    /**
     * Deletes an unassigned virtual device.
     *
     * @throws IamException {@code DeleteConflict} while it is assigned to a user
     */
    public void delete(String name) {
        String serial = account.mfaSerial(name);
        database.transaction(connection -> {
            Device device = lock(connection, serial).orElseThrow(() -> noSuchDevice(serial));
            if (device.userName() != null) {
                throw new IamException(ErrorCode.DELETE_CONFLICT,
                        "The MFA device is assigned to a user: deactivate it before deleting it.");
            }
            return Sql.update(connection, "DELETE FROM mfa_devices WHERE serial_number = ?", serial);
        });
    }

    /** The account's virtual devices, with the user of each assigned one. */
    public List<VirtualMfaDevice> list(AssignmentStatus status) {
        String where = switch (status) {
            case Assigned -> " WHERE d.user_name IS NOT NULL";
            case Unassigned -> " WHERE d.user_name IS NULL";
            case Any -> "";
        };
        return database.read(connection -> Sql.list(connection,
                "SELECT d.serial_number, d.enable_date, u.user_name, u.user_id, u.path, u.create_date,"
                        + " u.password_last_used FROM mfa_devices d LEFT JOIN users u ON u.user_name = d.user_name"
                        + where + " ORDER BY d.serial_number",
                row -> {
                    String userName = row.getString("user_name");
                    User user = userName == null ? null : new User(row.getString("path"), userName,
                            row.getString("user_id"), account.userArn(userName), Sql.instant(row, "create_date"),
                            Sql.instant(row, "password_last_used"));
                    return new VirtualMfaDevice(row.getString("serial_number"), user, Sql.instant(row, "enable_date"));
                }));
    }

    /**
     * How many virtual devices the account has, and how many of them are assigned to users.
     *
     * @param devices all virtual devices
     * @param inUse the assigned ones
     */
    public record Counts(long devices, long inUse) {}

    public Counts counts() {
        return database.read(connection -> new Counts(
                Sql.count(connection, "SELECT COUNT(*) FROM mfa_devices"),
                Sql.count(connection, "SELECT COUNT(*) FROM mfa_devices WHERE user_name IS NOT NULL")));
    }

    /** The devices assigned to a user. */
    public List<MfaDevice> listFor(String userName) {
        return database.read(connection -> {
            Users.requireExists(connection, userName);
            return Sql.list(connection, "SELECT serial_number, enable_date FROM mfa_devices WHERE user_name = ?"
                    + " ORDER BY enable_date, serial_number",
                    row -> new MfaDevice(userName, row.getString(1), Sql.instant(row, "enable_date")), userName);
        });
    }

    /** Whether the user has at least one enabled device, so signing in needs a code. */
    public boolean hasEnabledDevice(String userName) {
        return database.read(connection ->
                Sql.count(connection, "SELECT COUNT(*) FROM mfa_devices WHERE user_name = ?", userName) > 0);
    }

    /**
     * Assigns an unassigned virtual device to a user, proven by the codes of two consecutive steps.
     *
     * @throws IamException {@code InvalidAuthenticationCode} when the codes are not two consecutive
     *     codes of the device within ten minutes of now (or were accepted before),
     *     {@code EntityAlreadyExists} when the device is assigned, {@code LimitExceeded} when the
     *     user has eight devices, {@code NoSuchEntity} for an unknown user or device, {@code
     *     AccessDenied} when the user has a device already and {@code mayAddDevice} is false
     * @param mayAddDevice whether the caller may add a device to a user who has one: false when the
     *     user acts on herself without MFA, for then the password alone would add a second factor
     */
    public void enable(String userName, String serialNumber, String code1, String code2, boolean mayAddDevice) {
        int first = requireCode("AuthenticationCode1", code1);
        int second = requireCode("AuthenticationCode2", code2);
        if (serialNumber == null || serialNumber.isEmpty()) {
            throw IamException.invalidInput("SerialNumber is required");
        }
        database.transaction(connection -> {
            Users.lock(connection, userName);
            Device device = lock(connection, serialNumber).orElseThrow(() -> noSuchDevice(serialNumber));
            if (device.userName() != null) {
                throw new IamException(ErrorCode.ENTITY_ALREADY_EXISTS, "The MFA device is already in use.");
            }
            long assigned = Sql.count(connection, "SELECT COUNT(*) FROM mfa_devices WHERE user_name = ?", userName);
            if (assigned > 0 && !mayAddDevice) {
                throw new IamException(ErrorCode.ACCESS_DENIED, "You have an MFA device already: sign in with it"
                        + " before you enable another one.");
            }
            if (assigned >= MAX_DEVICES_PER_USER) {
                throw IamException.limitExceeded("A user can have at most " + MAX_DEVICES_PER_USER + " MFA devices.");
            }
            long step = consecutive(device, first, second);
            long now = Totp.step(clock.instant());
            return Sql.update(connection, "UPDATE mfa_devices SET user_name = ?, enable_date = ?, last_step = ?, drift = ?"
                    + " WHERE serial_number = ?", userName, now(), step, Math.toIntExact(step - now), serialNumber);
        });
    }

    /**
     * Resynchronises a user's device with two consecutive codes: measures its drift again.
     *
     * @throws IamException {@code InvalidAuthenticationCode} or {@code NoSuchEntity}, as {@link #enable}
     */
    public void resync(String userName, String deviceName, String code1, String code2) {
        int first = requireCode("AuthenticationCode1", code1);
        int second = requireCode("AuthenticationCode2", code2);
        String serial = account.mfaSerial(deviceName);
        database.transaction(connection -> {
            Device device = lock(connection, serial).filter(d -> userName.equals(d.userName()))
                    .orElseThrow(() -> noSuchDevice(serial));
            long step = consecutive(device, first, second);
            long now = Totp.step(clock.instant());
            return Sql.update(connection, "UPDATE mfa_devices SET last_step = ?, drift = ? WHERE serial_number = ?",
                    step, Math.toIntExact(step - now), serial);
        });
    }

    /** Removes a device from its user; a virtual device stays in the account, unassigned, until deleted. */
    public void deactivate(String userName, String deviceName) {
        String serial = account.mfaSerial(deviceName);
        database.transaction(connection -> {
            lock(connection, serial).filter(d -> userName.equals(d.userName())).orElseThrow(() -> noSuchDevice(serial));
            // The last accepted step stays: codes used before cannot be replayed after a re-enable.
            return Sql.update(connection, "UPDATE mfa_devices SET user_name = NULL, enable_date = NULL"
                    + " WHERE serial_number = ?", serial);
        });
    }

    /**
     * Checks a code from one of the user's devices (any of them, or only {@code serialNumber}),
     * one step either side of now after the device's drift, never a step accepted before. A match
     * is used up.
     *
     * @return whether the code was accepted
     */
    public boolean verify(String userName, Optional<String> serialNumber, String code) {
        int value = Totp.parse(code);
        if (value < 0) {
            return false;
        }
        return database.transaction(connection -> {
            List<Device> devices = serialNumber.isPresent()
                    ? lock(connection, serialNumber.get()).filter(d -> userName.equals(d.userName())).stream().toList()
                    : Sql.list(connection, "SELECT * FROM mfa_devices WHERE user_name = ? ORDER BY serial_number FOR UPDATE",
                            Device::read, userName);
            long now = Totp.step(clock.instant());
            for (Device device : devices) {
                byte[] seed = box.open(device.sealedSeed(), device.serialNumber());
                try {
                    long center = now + device.drift();
                    for (long step = center - SIGN_IN_WINDOW_STEPS; step <= center + SIGN_IN_WINDOW_STEPS; step++) {
                        if (device.accepts(step) && Totp.code(seed, step) == value) {
                            Sql.update(connection, "UPDATE mfa_devices SET last_step = ? WHERE serial_number = ?", step,
                                    device.serialNumber());
                            return true;
                        }
                    }
                } finally {
                    Arrays.fill(seed, (byte) 0);
                }
            }
            return false;
        });
    }

    /** The later of the two consecutive steps whose codes are {@code first} and {@code second}. */
    private long consecutive(Device device, int first, int second) {
        byte[] seed = box.open(device.sealedSeed(), device.serialNumber());
        try {
            long now = Totp.step(clock.instant());
            for (long step = now - ENABLE_WINDOW_STEPS; step <= now + ENABLE_WINDOW_STEPS; step++) {
                if (device.accepts(step) && Totp.code(seed, step) == first && Totp.code(seed, step + 1) == second) {
                    return step + 1;
                }
            }
        } finally {
            Arrays.fill(seed, (byte) 0);
        }
        throw new IamException(ErrorCode.INVALID_AUTHENTICATION_CODE,
                "Authentication codes for the MFA device are not valid.");
    }

    private static int requireCode(String parameter, String code) {
        int value = Totp.parse(code);
        if (value < 0) {
            throw IamException.invalidInput(parameter + " must be the six digits the device shows");
        }
        return value;
    }

    private static Optional<Device> lock(Connection connection, String serialNumber) throws SQLException {
        return Sql.one(connection, "SELECT * FROM mfa_devices WHERE serial_number = ? FOR UPDATE", Device::read,
                serialNumber);
    }

    private static IamException noSuchDevice(String serialNumber) {
        return IamException.noSuchEntity("MFA device with serial number " + serialNumber + " cannot be found.");
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    /** A device row; the seed stays sealed until a code is checked. */
    private record Device(String serialNumber, String sealedSeed, String userName, OptionalLong lastStep, int drift) {

        static Device read(ResultSet row) throws SQLException {
            long last = row.getLong("last_step");
            return new Device(row.getString("serial_number"), row.getString("seed_ciphertext"), row.getString("user_name"),
                    row.wasNull() ? OptionalLong.empty() : OptionalLong.of(last), row.getInt("drift"));
        }

        /** Whether a code of {@code step} may still be accepted: only steps after the last one accepted. */
        boolean accepts(long step) {
            return lastStep.isEmpty() || step > lastStep.getAsLong();
        }
    }
}
