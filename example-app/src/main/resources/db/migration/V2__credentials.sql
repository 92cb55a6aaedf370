-- A user's credentials: access keys, signing certificates, SSH public keys, service-specific
-- credentials, and the temporary credentials sts:GetSessionToken issues.

CREATE TABLE access_keys (
    access_key_id      VARCHAR(20)              NOT NULL PRIMARY KEY,
    user_name          VARCHAR(64)              NOT NULL REFERENCES users (user_name),
    secret_hash        VARCHAR(255)             NOT NULL,
    status             VARCHAR(8)               NOT NULL,
    create_date        TIMESTAMP WITH TIME ZONE NOT NULL,
    last_used_date     TIMESTAMP WITH TIME ZONE,
    last_used_service  VARCHAR(64),
    last_used_region   VARCHAR(32)
);
CREATE INDEX access_keys_user ON access_keys (user_name);

CREATE TABLE signing_certificates (
    certificate_id    VARCHAR(32)              NOT NULL PRIMARY KEY,
    user_name         VARCHAR(64)              NOT NULL REFERENCES users (user_name),
    certificate_body  VARCHAR(16384)           NOT NULL,
    -- SHA-256 of the DER encoding: the same certificate cannot be uploaded twice in the account.
    fingerprint       VARCHAR(64)              NOT NULL UNIQUE,
    expiration        TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(8)               NOT NULL,
    upload_date       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX signing_certificates_user ON signing_certificates (user_name);

CREATE TABLE ssh_public_keys (
    ssh_public_key_id    VARCHAR(32)              NOT NULL PRIMARY KEY,
    user_name            VARCHAR(64)              NOT NULL REFERENCES users (user_name),
    ssh_public_key_body  VARCHAR(16384)           NOT NULL,
    -- MD5 of the key blob, colon-separated hex, as IAM shows it.
    fingerprint          VARCHAR(64)              NOT NULL,
    status               VARCHAR(8)               NOT NULL,
    upload_date          TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT ssh_public_keys_unique_per_user UNIQUE (user_name, fingerprint)
);

CREATE TABLE service_specific_credentials (
    credential_id      VARCHAR(32)              NOT NULL PRIMARY KEY,
    user_name          VARCHAR(64)              NOT NULL REFERENCES users (user_name),
    service_name       VARCHAR(64)              NOT NULL,
    service_user_name  VARCHAR(200)             NOT NULL,
    password_hash      VARCHAR(255)             NOT NULL,
    status             VARCHAR(8)               NOT NULL,
    create_date        TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT service_user_name_unique UNIQUE (service_name, service_user_name)
);
CREATE INDEX service_specific_credentials_user ON service_specific_credentials (user_name);

-- Temporary credentials. One Argon2id hash covers the secret and the session token together.
CREATE TABLE session_credentials (
    access_key_id  VARCHAR(20)              NOT NULL PRIMARY KEY,
    user_name      VARCHAR(64)              NOT NULL REFERENCES users (user_name),
    secret_hash    VARCHAR(255)             NOT NULL,
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    expiration     TIMESTAMP WITH TIME ZONE NOT NULL,
    -- When the MFA code was checked; null for credentials issued without MFA.
    mfa_at         TIMESTAMP WITH TIME ZONE
);
CREATE INDEX session_credentials_expiration ON session_credentials (expiration);
