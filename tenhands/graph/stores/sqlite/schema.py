"""The embedded store's tables, and the migrations that build them.

Every row keeps the full model as JSON in ``data`` (a change set: its lists as JSON
in ``created_refs``, ``before_images`` and ``after_images``); the other columns are
keys that queries filter, join or sort on. A migration is appended, never edited:
``MIGRATIONS[n]`` brings a store from schema version ``n`` to ``n + 1``.
"""

from __future__ import annotations

MIGRATIONS: tuple[str, ...] = (
    # 0 → 1: the first schema.
    """
    CREATE TABLE meta (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    CREATE TABLE persons (
        id TEXT PRIMARY KEY,
        surname TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX persons_surname ON persons (surname);
    CREATE TABLE ties (
        id TEXT PRIMARY KEY,
        source_id TEXT NOT NULL REFERENCES persons (id),
        target_id TEXT NOT NULL REFERENCES persons (id),
        kind TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX ties_source ON ties (source_id);
    CREATE INDEX ties_target ON ties (target_id);
    CREATE TABLE cases (
        id TEXT PRIMARY KEY,
        data TEXT NOT NULL
    );
    CREATE TABLE case_children (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES persons (id),
        ord INTEGER NOT NULL,
        PRIMARY KEY (case_id, person_id)
    );
    CREATE INDEX case_children_person ON case_children (person_id);
    CREATE TABLE roles (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL REFERENCES persons (id),
        data TEXT NOT NULL,
        PRIMARY KEY (case_id, person_id)
    );
    CREATE INDEX roles_person ON roles (person_id);
    CREATE TABLE plans (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        version INTEGER NOT NULL,
        data TEXT NOT NULL,
        UNIQUE (case_id, version)
    );
    CREATE TABLE records (
        id TEXT PRIMARY KEY,
        case_id TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX records_case ON records (case_id);
    CREATE TABLE candidates (
        id TEXT PRIMARY KEY,
        case_id TEXT REFERENCES cases (id) ON DELETE CASCADE,
        score REAL NOT NULL,
        status TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX candidates_case ON candidates (case_id, score DESC);
    CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        case_id TEXT,
        data TEXT NOT NULL
    );
    CREATE INDEX audit_at ON audit (at);
    CREATE INDEX audit_case ON audit (case_id, at);
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    """,
    # 1 → 2: persons can be found by the source reference they were imported with.
    """
    ALTER TABLE persons ADD COLUMN source_ref TEXT;
    ALTER TABLE persons ADD COLUMN source_name TEXT;
    UPDATE persons SET
        source_ref = json_extract(data, '$.provenance.source.ref'),
        source_name = json_extract(data, '$.provenance.source.name');
    CREATE INDEX persons_source_ref ON persons (source_ref);
    """,
    # 2 → 3: what a decision changed, kept apart from the candidate so it can be reversed.
    """
    CREATE TABLE change_sets (
        id TEXT PRIMARY KEY,
        subject_id TEXT NOT NULL UNIQUE,
        case_id TEXT REFERENCES cases (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        created_refs TEXT NOT NULL CHECK (json_valid(created_refs)),
        before_images TEXT NOT NULL CHECK (json_valid(before_images)),
        after_images TEXT NOT NULL CHECK (json_valid(after_images))
    );
    CREATE INDEX change_sets_case ON change_sets (case_id);
    """,
    # 3 → 4: accounts, the cases assigned to them and their sign-in tokens; the audit
    # log can be filtered by entity and action. Its rows are append-only: the update
    # trigger steps aside while the new columns are filled from each row's JSON.
    """
    CREATE TABLE users (
        id TEXT PRIMARY KEY,
        login TEXT NOT NULL UNIQUE,
        data TEXT NOT NULL
    );
    CREATE TABLE user_cases (
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        PRIMARY KEY (user_id, case_id)
    );
    CREATE INDEX user_cases_case ON user_cases (case_id);
    CREATE TABLE tokens (
        id TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users (id) ON DELETE CASCADE,
        kind TEXT NOT NULL,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX tokens_user ON tokens (user_id, created_at);
    CREATE INDEX tokens_expires ON tokens (expires_at);
    ALTER TABLE audit ADD COLUMN entity_id TEXT;
    ALTER TABLE audit ADD COLUMN action TEXT;
    DROP TRIGGER audit_no_update;
    UPDATE audit SET
        entity_id = json_extract(data, '$.entity_id'),
        action = json_extract(data, '$.action');
    CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE INDEX audit_entity ON audit (entity_id, at);
    CREATE INDEX audit_actor ON audit (actor, at);
    """,
    # 4 → 5: the family's meetings, and their anonymous feedback afterwards.
    """
    CREATE TABLE meetings (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        held_on TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX meetings_case ON meetings (case_id, held_on);
    CREATE TABLE feedback (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        given_on TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX feedback_case ON feedback (case_id, given_on);
    CREATE INDEX feedback_given ON feedback (given_on);
    """,
    # 5 → 6: requests to share a person across a case boundary.
    """
    CREATE TABLE links (
        id TEXT PRIMARY KEY,
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        candidate_id TEXT NOT NULL REFERENCES candidates (id) ON DELETE CASCADE,
        person_id TEXT NOT NULL,
        status TEXT NOT NULL,
        requested_at TEXT NOT NULL,
        data TEXT NOT NULL
    );
    CREATE INDEX links_case ON links (case_id, requested_at);
    CREATE INDEX links_person ON links (person_id, requested_at);
    CREATE INDEX links_candidate ON links (candidate_id);
    """,
    # 6 → 7: where persons were left on a case's maps; they go with the case and the person.
    """
    CREATE TABLE positions (
        case_id TEXT NOT NULL REFERENCES cases (id) ON DELETE CASCADE,
        view TEXT NOT NULL,
        person_id TEXT NOT NULL REFERENCES persons (id) ON DELETE CASCADE,
        x REAL NOT NULL,
        y REAL NOT NULL,
        PRIMARY KEY (case_id, view, person_id)
    );
    CREATE INDEX positions_person ON positions (person_id);
    """,
    # 7 → 8: the revisions of the outside records and of the review decisions, each
    # moved on by every change to them (see ``records_revision`` and
    # ``decisions_revision`` in the store), under an epoch drawn once per store, so
    # that a store made anew never repeats an older store's revisions.
    """
    INSERT OR IGNORE INTO meta (key, value)
        VALUES ('revision_epoch', lower(hex(randomblob(16))));
    INSERT OR IGNORE INTO meta (key, value) VALUES ('records_revision', '0');
    INSERT OR IGNORE INTO meta (key, value) VALUES ('decisions_revision', '0');
    """,
    # 8 → 9: outside records can be listed by their source name.
    """
    ALTER TABLE records ADD COLUMN source_name TEXT;
    UPDATE records SET source_name = json_extract(data, '$.provenance.source.name');
    CREATE INDEX records_source ON records (source_name, id);
    """,
)

SCHEMA_VERSION = len(MIGRATIONS)

NEXT_RECORDS_REVISION = (
    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'records_revision'"
)
"""Run in the transaction of every change to the ``records`` table."""

NEXT_DECISIONS_REVISION = (
    "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'decisions_revision'"
)
"""Run in the transaction of every change to a decided candidate (see
:data:`DECIDING`)."""

DECIDING = NEXT_DECISIONS_REVISION + (
    " AND (?1 <> 'pending' OR EXISTS "
    "(SELECT 1 FROM candidates WHERE id = ?2 AND status <> 'pending'))"
)
"""Moves the decisions revision when a candidate is written (``?1`` its status, ``?2`` its
id) that is decided, or replaces one that was."""
