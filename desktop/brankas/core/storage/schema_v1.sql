-- Brankas vault schema, version 1. Applied by migration 1; NEVER edit this file once
-- released: change the schema with a new numbered migration instead.
--
-- Conventions: INTEGER ids; dates as ISO-8601 text 'YYYY-MM-DD'; date-times as ISO-8601
-- text in UTC with microseconds ('2025-01-27T03:00:00.000000+00:00', so text order is
-- time order); booleans as 0/1; optional free text as '' rather than NULL.
-- CHECK constraints cover closed sets only (kinds, owners, booleans); sets that may grow
-- (platform, status, person role, 2FA method, rotation reason) are checked by the
-- application, because changing a CHECK in SQLite means rebuilding the table.
-- History-bearing references are ON DELETE RESTRICT: a kecamatan, person or account with
-- history cannot be deleted, only retired/archived.

CREATE TABLE meta (
    id          INTEGER PRIMARY KEY CHECK (id = 1),
    vault_id    TEXT NOT NULL,
    epoch       INTEGER NOT NULL DEFAULT 0 CHECK (epoch >= 0),
    created_at  TEXT NOT NULL,
    app_version TEXT NOT NULL,
    audit_key   BLOB  -- random HMAC key of the audit chain; stable across rekeys
);

CREATE TABLE office (
    id               INTEGER PRIMARY KEY,
    kind             TEXT NOT NULL CHECK (kind IN ('regency', 'province')),
    name             TEXT NOT NULL,
    code             TEXT NOT NULL DEFAULT '',
    province         TEXT NOT NULL DEFAULT '',
    region_code      TEXT NOT NULL DEFAULT '',
    address          TEXT NOT NULL DEFAULT '',
    city             TEXT NOT NULL DEFAULT '',
    head_name        TEXT NOT NULL DEFAULT '',
    head_nip         TEXT NOT NULL DEFAULT '',
    secretariat_name TEXT NOT NULL DEFAULT '',
    secretariat_nip  TEXT NOT NULL DEFAULT '',
    language         TEXT NOT NULL DEFAULT 'id'
);

CREATE TABLE kecamatan (
    id         INTEGER PRIMARY KEY,
    office_id  INTEGER NOT NULL REFERENCES office (id) ON DELETE RESTRICT,
    name       TEXT NOT NULL COLLATE NOCASE,
    code       TEXT NOT NULL DEFAULT '',
    retired_at TEXT,
    UNIQUE (office_id, name)
);

CREATE TABLE term (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    election   TEXT NOT NULL CHECK (election IN ('pemilu', 'pilkada')),
    year       INTEGER NOT NULL,
    sk_number  TEXT NOT NULL DEFAULT '',
    sk_date    TEXT,
    start_date TEXT NOT NULL,
    end_date   TEXT NOT NULL,
    CHECK (end_date >= start_date)
);

-- Which kecamatan a term covers; end_date overrides the term's end for one kecamatan
-- (e.g. a Constitutional-Court dispute extended it).
CREATE TABLE term_kecamatan (
    term_id      INTEGER NOT NULL REFERENCES term (id) ON DELETE CASCADE,
    kecamatan_id INTEGER NOT NULL REFERENCES kecamatan (id) ON DELETE RESTRICT,
    end_date     TEXT,
    note         TEXT NOT NULL DEFAULT '',
    PRIMARY KEY (term_id, kecamatan_id)
) WITHOUT ROWID;

CREATE TABLE person (
    id           INTEGER PRIMARY KEY,
    name         TEXT NOT NULL,
    role         TEXT NOT NULL,
    kecamatan_id INTEGER REFERENCES kecamatan (id) ON DELETE RESTRICT,
    term_id      INTEGER REFERENCES term (id) ON DELETE RESTRICT,
    position     TEXT NOT NULL DEFAULT '',
    phone        TEXT NOT NULL DEFAULT '',
    email        TEXT NOT NULL DEFAULT '',
    nip          TEXT NOT NULL DEFAULT '',
    nik          TEXT NOT NULL DEFAULT '',
    institution  TEXT NOT NULL DEFAULT ''
);
CREATE INDEX person_kecamatan ON person (kecamatan_id);
CREATE INDEX person_term ON person (term_id);

CREATE TABLE operator (
    id         TEXT PRIMARY KEY,  -- the key-slot id in vault.keys
    name       TEXT NOT NULL,
    role       TEXT NOT NULL CHECK (role IN ('admin', 'operator')),
    created_at TEXT NOT NULL,
    removed_at TEXT
);

CREATE TABLE account (
    id                              INTEGER PRIMARY KEY,
    platform                        TEXT NOT NULL,
    handle                          TEXT NOT NULL,
    display_name                    TEXT NOT NULL DEFAULT '',
    url                             TEXT NOT NULL DEFAULT '',
    kecamatan_id                    INTEGER REFERENCES kecamatan (id) ON DELETE RESTRICT,
    term_id                         INTEGER REFERENCES term (id) ON DELETE RESTRICT,
    lifecycle_kind                  TEXT NOT NULL CHECK (lifecycle_kind IN ('ad_hoc', 'permanent')),
    status                          TEXT NOT NULL,
    active_from                     TEXT,
    active_until                    TEXT,
    activated_at                    TEXT,
    deactivated_at                  TEXT,
    recovery_email                  TEXT NOT NULL DEFAULT '',
    recovery_email_account_id       INTEGER REFERENCES account (id) ON DELETE RESTRICT,
    recovery_email_owner            TEXT NOT NULL DEFAULT 'unknown'
                                    CHECK (recovery_email_owner IN ('office', 'person', 'unknown')),
    recovery_email_person_id        INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    recovery_phone                  TEXT NOT NULL DEFAULT '',
    recovery_phone_account_id       INTEGER REFERENCES account (id) ON DELETE RESTRICT,
    recovery_phone_owner            TEXT NOT NULL DEFAULT 'unknown'
                                    CHECK (recovery_phone_owner IN ('office', 'person', 'unknown')),
    recovery_phone_holder_person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    twofa_method                    TEXT NOT NULL DEFAULT 'none',
    twofa_device                    TEXT NOT NULL DEFAULT '',
    twofa_device_owner              TEXT NOT NULL DEFAULT 'unknown'
                                    CHECK (twofa_device_owner IN ('office', 'person', 'unknown')),
    twofa_device_person_id          INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    backup_codes_remaining          INTEGER CHECK (backup_codes_remaining >= 0),
    backup_codes_regenerated_at     TEXT,
    needs_password_change           INTEGER NOT NULL DEFAULT 0
                                    CHECK (needs_password_change IN (0, 1)),
    password_changed_at             TEXT,
    created_at                      TEXT NOT NULL,
    updated_at                      TEXT NOT NULL
);
CREATE INDEX account_kecamatan ON account (kecamatan_id);
CREATE INDEX account_term ON account (term_id);
CREATE INDEX account_platform_handle ON account (platform, handle);
-- Foreign-key checks on deleting a parent search these columns: without an index each
-- check would scan every account. Partial, because most rows hold NULL.
CREATE INDEX account_recovery_email_account ON account (recovery_email_account_id)
    WHERE recovery_email_account_id IS NOT NULL;
CREATE INDEX account_recovery_phone_account ON account (recovery_phone_account_id)
    WHERE recovery_phone_account_id IS NOT NULL;
CREATE INDEX account_recovery_email_person ON account (recovery_email_person_id)
    WHERE recovery_email_person_id IS NOT NULL;
CREATE INDEX account_recovery_phone_holder ON account (recovery_phone_holder_person_id)
    WHERE recovery_phone_holder_person_id IS NOT NULL;
CREATE INDEX account_twofa_device_person ON account (twofa_device_person_id)
    WHERE twofa_device_person_id IS NOT NULL;

-- Secrets live apart so that listing accounts never reads (or decrypts into Python) them.
CREATE TABLE account_secret (
    account_id   INTEGER PRIMARY KEY REFERENCES account (id) ON DELETE CASCADE,
    password     TEXT,
    totp_secret  TEXT,
    backup_codes TEXT,
    notes        TEXT
);

CREATE TABLE password_history (
    id                     INTEGER PRIMARY KEY,
    account_id             INTEGER NOT NULL REFERENCES account (id) ON DELETE RESTRICT,
    password               TEXT NOT NULL,
    changed_at             TEXT NOT NULL,
    changed_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT,
    reason                 TEXT NOT NULL
);
CREATE INDEX password_history_account ON password_history (account_id, changed_at);

CREATE TABLE handover (
    id                     INTEGER PRIMARY KEY,
    number                 TEXT NOT NULL UNIQUE,
    kind                   TEXT NOT NULL CHECK (kind IN ('issue', 'return', 'next_committee')),
    date                   TEXT NOT NULL,
    place                  TEXT NOT NULL DEFAULT '',
    term_id                INTEGER REFERENCES term (id) ON DELETE RESTRICT,
    first_party_person_id  INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    second_party_person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    mengetahui_person_id   INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    notes                  TEXT NOT NULL DEFAULT '',
    created_at             TEXT NOT NULL,
    created_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT
);
CREATE INDEX handover_term ON handover (term_id);

CREATE TABLE handover_witness (
    handover_id INTEGER NOT NULL REFERENCES handover (id) ON DELETE RESTRICT,
    person_id   INTEGER NOT NULL REFERENCES person (id) ON DELETE RESTRICT,
    position    INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (handover_id, person_id)
) WITHOUT ROWID;

CREATE TABLE handover_item (
    handover_id         INTEGER NOT NULL REFERENCES handover (id) ON DELETE RESTRICT,
    account_id          INTEGER NOT NULL REFERENCES account (id) ON DELETE RESTRICT,
    position            INTEGER NOT NULL DEFAULT 0,
    -- when the regency changed the password after this handover (NULL: not yet)
    password_changed_at TEXT,
    PRIMARY KEY (handover_id, account_id)
) WITHOUT ROWID;
CREATE INDEX handover_item_account ON handover_item (account_id);

CREATE TABLE custody (
    id               INTEGER PRIMARY KEY,
    account_id       INTEGER NOT NULL REFERENCES account (id) ON DELETE RESTRICT,
    holder_person_id INTEGER REFERENCES person (id) ON DELETE RESTRICT,  -- NULL: the office
    from_at          TEXT NOT NULL,
    until_at         TEXT,
    handover_id      INTEGER REFERENCES handover (id) ON DELETE RESTRICT,
    CHECK (until_at IS NULL OR until_at >= from_at)
);
CREATE INDEX custody_account ON custody (account_id, from_at);
-- An account has at most one open custody period.
CREATE UNIQUE INDEX custody_open ON custody (account_id) WHERE until_at IS NULL;

CREATE TABLE checklist_template (
    id       INTEGER PRIMARY KEY,
    platform TEXT NOT NULL,
    step_key TEXT NOT NULL,
    position INTEGER NOT NULL DEFAULT 0,
    text_id  TEXT NOT NULL,
    text_en  TEXT NOT NULL,
    active   INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
    UNIQUE (platform, step_key)
);

CREATE TABLE checklist_item (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES account (id) ON DELETE RESTRICT,
    step_key            TEXT NOT NULL,
    position            INTEGER NOT NULL DEFAULT 0,
    text_id             TEXT NOT NULL,
    text_en             TEXT NOT NULL,
    done_at             TEXT,
    done_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT,
    UNIQUE (account_id, step_key)
);

CREATE TABLE page_access (
    id          INTEGER PRIMARY KEY,
    account_id  INTEGER NOT NULL REFERENCES account (id) ON DELETE RESTRICT,
    person_id   INTEGER REFERENCES person (id) ON DELETE RESTRICT,
    person_name TEXT NOT NULL,
    access      TEXT NOT NULL CHECK (access IN ('full', 'partial', 'task')),
    added_at    TEXT NOT NULL,
    removed_at  TEXT
);
CREATE INDEX page_access_account ON page_access (account_id);

-- Hash-chained audit log; seq is assigned by the caller (the chain hashes it).
CREATE TABLE audit_event (
    seq         INTEGER PRIMARY KEY CHECK (seq >= 1),
    at          TEXT NOT NULL,
    operator_id TEXT,  -- no foreign key: failed unlocks name slots that may not exist
    kind        TEXT NOT NULL,
    target      TEXT,  -- what the event is about (e.g. an account id); NULL: nothing
    detail_json TEXT NOT NULL DEFAULT '{}',
    prev_hash   BLOB,
    hash        BLOB NOT NULL
);
-- The log is append-only: refuse edits and deletes outright (defence against app bugs;
-- the hash chain is what detects deliberate tampering).
CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;
CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
BEGIN
    SELECT RAISE(ABORT, 'audit_event is append-only');
END;

CREATE TABLE attachment (
    id                   INTEGER PRIMARY KEY,
    owner_kind           TEXT NOT NULL,
    owner_id             INTEGER NOT NULL,
    filename             TEXT NOT NULL,
    mime                 TEXT NOT NULL,
    sha256               TEXT NOT NULL,
    size                 INTEGER NOT NULL CHECK (size >= 0),
    added_at             TEXT NOT NULL,
    added_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT,
    -- last, so that listing attachments never walks the blob's overflow pages
    data                 BLOB NOT NULL
);
CREATE INDEX attachment_owner ON attachment (owner_kind, owner_id);

CREATE TABLE settings (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL CHECK (json_valid(value))
) WITHOUT ROWID;
