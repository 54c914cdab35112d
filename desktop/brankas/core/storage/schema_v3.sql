-- Brankas vault schema, version 3: checklist step texts stored once. Applied by migration 3
-- (foreign keys off around it, checked before commit). NEVER edit this file once released.
-- Conventions as in schema_v1.sql.

-- Every distinct (Indonesian, English) step text an item has ever been given. Rows are
-- only added: an item keeps the text it was made with, whatever later happens to the
-- template it was copied from (an admin editing a step writes a new row on next use).
CREATE TABLE checklist_text (
    id      INTEGER PRIMARY KEY,
    text_id TEXT NOT NULL,
    text_en TEXT NOT NULL,
    UNIQUE (text_id, text_en)
);

INSERT INTO checklist_text (text_id, text_en)
    SELECT text_id, text_en FROM checklist_item
    GROUP BY text_id, text_en ORDER BY min(id);

-- checklist_item without its own copy of the texts (at 50,000 accounts, ~235,000 items
-- repeated a few dozen texts: 40% of the database). SQLite's table change: new table,
-- copy (ids kept), drop, rename.
CREATE TABLE checklist_item_v3 (
    id                  INTEGER PRIMARY KEY,
    account_id          INTEGER NOT NULL REFERENCES account (id) ON DELETE RESTRICT,
    step_key            TEXT NOT NULL,
    position            INTEGER NOT NULL DEFAULT 0,
    text_ref            INTEGER NOT NULL REFERENCES checklist_text (id) ON DELETE RESTRICT,
    done_at             TEXT,
    done_by_operator_id TEXT REFERENCES operator (id) ON DELETE RESTRICT,
    UNIQUE (account_id, step_key)
);

INSERT INTO checklist_item_v3
    (id, account_id, step_key, position, text_ref, done_at, done_by_operator_id)
    SELECT i.id, i.account_id, i.step_key, i.position, t.id, i.done_at, i.done_by_operator_id
    FROM checklist_item i
    JOIN checklist_text t ON t.text_id = i.text_id AND t.text_en = i.text_en
    ORDER BY i.id;

DROP TABLE checklist_item;

ALTER TABLE checklist_item_v3 RENAME TO checklist_item;
