-- Virtual MFA devices belong to the account; enabling one assigns it to a user.
CREATE TABLE mfa_devices (
    serial_number    VARCHAR(300)             NOT NULL PRIMARY KEY,
    device_name      VARCHAR(226)             NOT NULL,
    -- The TOTP seed, AES-GCM encrypted under the demo key (never in this database).
    seed_ciphertext  VARCHAR(512)             NOT NULL,
    create_date      TIMESTAMP WITH TIME ZONE NOT NULL,
    -- Null while unassigned.
    user_name        VARCHAR(64)              REFERENCES users (user_name),
    enable_date      TIMESTAMP WITH TIME ZONE,
    -- The last TOTP step accepted: a code of that step or an earlier one is never accepted again.
    last_step        BIGINT,
    -- Steps between the device's clock and ours, measured by enable and resync.
    drift            INTEGER                  NOT NULL
);
CREATE INDEX mfa_devices_user ON mfa_devices (user_name);
