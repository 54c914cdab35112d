-- Brankas vault schema, version 2: the review archive. Applied by migration 2, which also
-- makes the vault's own keys (Python: random keys cannot be written in SQL). NEVER edit
-- this file once released. Conventions as in schema_v1.sql.

-- The vault's minisign/Ed25519 signing key. The private seed sits in the encrypted
-- database like every other secret; the public half is printed on the cover sheet.
CREATE TABLE archive_signing_key (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    key_id     BLOB NOT NULL CHECK (length(key_id) = 8),
    seed       BLOB NOT NULL CHECK (length(seed) = 32),
    public_key BLOB NOT NULL CHECK (length(public_key) = 32),
    created_at TEXT NOT NULL
);

-- The vault's own age (X25519) identity: a province decrypts the archives sent to it
-- with it; a regency may add itself as a recipient of its own archives.
CREATE TABLE archive_identity (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    identity   TEXT NOT NULL CHECK (identity LIKE 'AGE-SECRET-KEY-1%'),
    recipient  TEXT NOT NULL CHECK (recipient LIKE 'age1%'),
    created_at TEXT NOT NULL
);

-- Regency side: the province's public key, compared against the paper letter.
CREATE TABLE province_recipient (
    id                 INTEGER PRIMARY KEY CHECK (id = 1),
    recipient          TEXT NOT NULL CHECK (recipient LIKE 'age1%'),
    fingerprint        TEXT NOT NULL,
    label              TEXT NOT NULL DEFAULT '',
    set_at             TEXT NOT NULL,
    set_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT
);

-- Regency side: one row per export; seq is the export counter written into the manifest.
CREATE TABLE archive_export (
    seq              INTEGER PRIMARY KEY CHECK (seq >= 1),
    export_id        TEXT NOT NULL UNIQUE,
    exported_at      TEXT NOT NULL,
    epoch            INTEGER NOT NULL CHECK (epoch >= 1),
    terms_json       TEXT NOT NULL CHECK (json_valid(terms_json)),
    secrets_included INTEGER NOT NULL CHECK (secrets_included IN (0, 1)),
    file_name        TEXT NOT NULL,
    sha256           TEXT NOT NULL,
    operator_id      TEXT REFERENCES operator (id) ON DELETE RESTRICT
);

-- Province side: the signing key pinned per regency office (by office code).
CREATE TABLE regency_pin (
    office_code           TEXT PRIMARY KEY,
    office_name           TEXT NOT NULL,
    key_id                TEXT NOT NULL,
    public_key            BLOB NOT NULL CHECK (length(public_key) = 32),
    fingerprint           TEXT NOT NULL,
    pinned_at             TEXT NOT NULL,
    pinned_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT,
    reason                TEXT NOT NULL DEFAULT ''  -- why it was re-pinned; '' for the first pin
) WITHOUT ROWID;

-- Province side: accepted archives, kept whole (the file's bytes, encrypted at rest by the
-- vault; never unpacked to disk) with the manifest fields the dashboard lists.
CREATE TABLE imported_archive (
    id                      INTEGER PRIMARY KEY,
    export_id               TEXT NOT NULL UNIQUE,
    office_code             TEXT NOT NULL REFERENCES regency_pin (office_code) ON DELETE RESTRICT,
    office_name             TEXT NOT NULL,
    vault_id                TEXT NOT NULL,
    seq                     INTEGER NOT NULL,
    epoch                   INTEGER NOT NULL,
    exported_at             TEXT NOT NULL,
    terms_json              TEXT NOT NULL CHECK (json_valid(terms_json)),
    secrets_included        INTEGER NOT NULL CHECK (secrets_included IN (0, 1)),
    signer_key_id           TEXT NOT NULL,
    sha256                  TEXT NOT NULL,
    manifest_json           TEXT NOT NULL CHECK (json_valid(manifest_json)),
    imported_at             TEXT NOT NULL,
    imported_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT,
    size                    INTEGER NOT NULL CHECK (size >= 0),
    -- last, so that listing imports never walks the blob's overflow pages
    data                    BLOB NOT NULL
);
CREATE INDEX imported_archive_office ON imported_archive (office_code, vault_id, epoch);
