"""Every Cypher statement of the Neo4j store, as named constants.

Values always travel as ``$parameters``; labels and relationship types are fixed
text. The graph shape:

- ``(:Person {id, data, surname, birth_surname, birth_year})``
- ``(:Person)-[:TIE {id, kind, data}]->(:Person)``, in the tie's source → target direction
- ``(:Case {id, status, data})``
- ``(:Person)-[:CHILD_OF {ord}]->(:Case)`` for each child of a case
- ``(:Person)-[:ROLE {key, case_id, person_id, data}]->(:Case)`` for network roles,
  ``key`` being ``"<case_id>/<person_id>"``
- ``(:Person)-[:PLACED {key, case_id, view, x, y}]->(:Case)`` for a person's position
  on one of the case's maps (their statements are in :mod:`.positions`)
- ``(:Plan {id, case_id, version, data})``, ``(:Record {id, case_id, source_name, data})``,
  ``(:Meeting {id, case_id, held_on, data})``, ``(:Feedback {id, case_id, given_on,
  data})`` (their statements are in :mod:`.meetings`),
  ``(:Candidate {id, kind, case_id, status, score, data})``,
  ``(:AuditEvent {id, at, actor, case_id, entity_id, action, data})``
- ``(:ChangeSet {id, subject_id, case_id, kind, created_at, created_by, created, before,
  after})``, the last three JSON arrays
- ``(:User {id, login, data})``, ``(:User)-[:ASSIGNED]->(:Case)`` for each case assigned
  to a user, and ``(:Token {id, user_id, kind, token_hash, created_at, expires_at, data})``
  (their statements are in :mod:`.users`)
- ``(:SchemaVersion {name, version})``
- ``(:Revision {name, epoch, revision})``: the revision of the outside records
  (``records``) and of the review decisions (``decisions``), each moved on in the
  transaction of every change to them

``data`` (a change set: ``created``, ``before`` and ``after``) always holds the
model's full JSON; the other properties are copies kept
for lookups, ordering and search.

Lookups by id carry ``USING INDEX SEEK`` hints: a plan cached while the database
was nearly empty may otherwise scan an index per row once it has grown.
"""

from __future__ import annotations

from typing import Final, LiteralString

# -- schema -------------------------------------------------------------------

SCHEMA: Final[tuple[str, ...]] = (
    "CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT case_id IF NOT EXISTS FOR (n:Case) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT plan_id IF NOT EXISTS FOR (n:Plan) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT plan_case_version IF NOT EXISTS "
    "FOR (n:Plan) REQUIRE (n.case_id, n.version) IS UNIQUE",
    "CREATE CONSTRAINT record_id IF NOT EXISTS FOR (n:Record) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT candidate_id IF NOT EXISTS FOR (n:Candidate) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT audit_event_id IF NOT EXISTS FOR (n:AuditEvent) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT change_set_id IF NOT EXISTS FOR (n:ChangeSet) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT change_set_subject_id IF NOT EXISTS "
    "FOR (n:ChangeSet) REQUIRE n.subject_id IS UNIQUE",
    "CREATE CONSTRAINT schema_version_name IF NOT EXISTS "
    "FOR (n:SchemaVersion) REQUIRE n.name IS UNIQUE",
    "CREATE CONSTRAINT tie_id IF NOT EXISTS FOR ()-[r:TIE]-() REQUIRE r.id IS UNIQUE",
    "CREATE CONSTRAINT role_key IF NOT EXISTS FOR ()-[r:ROLE]-() REQUIRE r.key IS UNIQUE",
    "CREATE INDEX person_surname IF NOT EXISTS FOR (n:Person) ON (n.surname)",
    "CREATE INDEX person_source_ref IF NOT EXISTS FOR (n:Person) ON (n.source_ref)",
    "CREATE INDEX person_birth_surname IF NOT EXISTS FOR (n:Person) ON (n.birth_surname)",
    "CREATE INDEX record_case_id IF NOT EXISTS FOR (n:Record) ON (n.case_id)",
    "CREATE INDEX record_source_name IF NOT EXISTS FOR (n:Record) ON (n.source_name)",
    "CREATE INDEX candidate_case_id IF NOT EXISTS FOR (n:Candidate) ON (n.case_id)",
    "CREATE INDEX change_set_case_id IF NOT EXISTS FOR (n:ChangeSet) ON (n.case_id)",
    "CREATE INDEX audit_at IF NOT EXISTS FOR (n:AuditEvent) ON (n.at)",
    "CREATE INDEX audit_case_id IF NOT EXISTS FOR (n:AuditEvent) ON (n.case_id)",
    "CREATE INDEX audit_actor IF NOT EXISTS FOR (n:AuditEvent) ON (n.actor)",
    "CREATE INDEX audit_entity_id IF NOT EXISTS FOR (n:AuditEvent) ON (n.entity_id)",
    "CREATE INDEX audit_action IF NOT EXISTS FOR (n:AuditEvent) ON (n.action)",
    "CREATE CONSTRAINT user_id IF NOT EXISTS FOR (n:User) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT user_login IF NOT EXISTS FOR (n:User) REQUIRE n.login IS UNIQUE",
    "CREATE CONSTRAINT token_id IF NOT EXISTS FOR (n:Token) REQUIRE n.id IS UNIQUE",
    "CREATE CONSTRAINT token_hash IF NOT EXISTS FOR (n:Token) REQUIRE n.token_hash IS UNIQUE",
    "CREATE INDEX token_user_id IF NOT EXISTS FOR (n:Token) ON (n.user_id)",
    "CREATE INDEX token_expires_at IF NOT EXISTS FOR (n:Token) ON (n.expires_at)",
    "CREATE CONSTRAINT revision_name IF NOT EXISTS FOR (n:Revision) REQUIRE n.name IS UNIQUE",
)
"""Constraints and indexes, each safe to run again."""

AWAIT_INDEXES: Final = "CALL db.awaitIndexes($seconds)"

GET_SCHEMA_VERSION: Final = (
    "OPTIONAL MATCH (v:SchemaVersion {name: $name}) RETURN v.version AS version"
)

SET_SCHEMA_VERSION: Final = "MERGE (v:SchemaVersion {name: $name}) SET v.version = $version"

INIT_REVISIONS: Final = """
UNWIND ['records', 'decisions'] AS name
MERGE (v:Revision {name: name})
ON CREATE SET v.epoch = randomUUID(), v.revision = 0
"""
"""The revisions of a new store: each a fresh epoch, revision 0."""

NEXT_REVISION: Final = """
MERGE (v:Revision {name: $name})
ON CREATE SET v.epoch = randomUUID(), v.revision = 0
SET v.revision = v.revision + 1
"""
"""Run in the transaction of every change to ``Record`` nodes (``$name``: ``records``)
or to decided candidates (``decisions``)."""

DECIDING: Final = """
OPTIONAL MATCH (n:Candidate {id: $id})
WITH n WHERE $status <> 'pending' OR (n IS NOT NULL AND n.status <> 'pending')
MERGE (v:Revision {name: 'decisions'})
ON CREATE SET v.epoch = randomUUID(), v.revision = 0
SET v.revision = v.revision + 1
"""
"""Moves the decisions revision when a candidate is written that is decided, or replaces
one that was (run before the write)."""

GET_REVISION: Final = """
OPTIONAL MATCH (v:Revision {name: $name})
RETURN v.epoch AS epoch, v.revision AS revision
"""

# -- persons ------------------------------------------------------------------

CREATE_PERSON: Final = "CREATE (p:Person $props)"

GET_PERSON: Final = "MATCH (p:Person {id: $id}) RETURN p.data AS data"

GET_PERSONS: Final = """
UNWIND $ids AS id
MATCH (p:Person {id: id}) USING INDEX SEEK p:Person(id)
RETURN p.id AS id, p.data AS data
"""

UPDATE_PERSON: Final = "MATCH (p:Person {id: $id}) SET p = $props RETURN count(p) AS n"

PERSON_LINKS: Final = """
MATCH (p:Person {id: $id})
RETURN COLLECT { MATCH (p)-[:CHILD_OF]->(c:Case) WITH c ORDER BY c.id RETURN c.id } AS child_of,
       COUNT { (p)-[:TIE]-(:Person) } AS ties,
       COUNT { (p)-[:ROLE]->(:Case) } AS roles
"""

DELETE_PERSON: Final = "MATCH (p:Person {id: $id}) DETACH DELETE p"

LIST_PERSONS: Final = (
    "MATCH (p:Person) RETURN p.data AS data ORDER BY p.id SKIP $offset LIMIT $limit"
)

COUNT_PERSONS: Final = "MATCH (p:Person) RETURN count(p) AS n"

FIRST_MISSING_PERSON: Final = """
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (p:Person {id: id}) USING INDEX SEEK p:Person(id) }
RETURN id LIMIT 1
"""

EXISTING_PERSONS: Final = """
UNWIND $ids AS id
MATCH (p:Person {id: id}) USING INDEX SEEK p:Person(id)
RETURN p.id AS id
"""

CREATE_PERSONS: Final = """
UNWIND $rows AS row
CREATE (p:Person)
SET p.id = row.id,
    p.data = row.data,
    p.surname = row.surname,
    p.birth_surname = row.birth_surname,
    p.birth_year = row.birth_year,
    p.source_ref = row.source_ref,
    p.source_name = row.source_name
"""
"""Persons known to be new; much faster than MERGE for bulk imports."""

SET_PERSONS: Final = """
UNWIND $rows AS row
MATCH (p:Person {id: row.id}) USING INDEX SEEK p:Person(id)
SET p.data = row.data,
    p.surname = row.surname,
    p.birth_surname = row.birth_surname,
    p.birth_year = row.birth_year,
    p.source_ref = row.source_ref,
    p.source_name = row.source_name
"""

FIND_PERSONS_BY_SOURCE: Final = """
MATCH (p:Person {source_ref: $ref})
WHERE $name IS NULL OR p.source_name = $name
RETURN p.data AS data ORDER BY p.id
"""

PERSONS_AFTER: Final = """
MATCH (p:Person) WHERE p.id > $after
RETURN p.id AS id, p.data AS data ORDER BY p.id LIMIT $limit
"""

SET_SOURCE_KEYS: Final = """
UNWIND $rows AS row
MATCH (p:Person {id: row.id}) USING INDEX SEEK p:Person(id)
SET p.source_ref = row.source_ref, p.source_name = row.source_name
"""

# -- ties ---------------------------------------------------------------------

GET_TIE: Final = """
MATCH (:Person)-[r:TIE {id: $id}]->(:Person) USING INDEX SEEK r:TIE(id)
RETURN r.data AS data
"""

TIE_EXISTS: Final = """
MATCH (:Person)-[r:TIE {id: $id}]->(:Person) USING INDEX SEEK r:TIE(id)
RETURN count(r) AS n
"""

DELETE_TIE: Final = """
MATCH (:Person)-[r:TIE {id: $id}]->(:Person) USING INDEX SEEK r:TIE(id)
DELETE r
RETURN count(*) AS n
"""

GET_TIES: Final = """
UNWIND $ids AS id
MATCH (:Person)-[r:TIE {id: id}]->(:Person) USING INDEX SEEK r:TIE(id)
RETURN r.id AS id, r.data AS data
"""

TIES_OF: Final = """
MATCH (p:Person {id: $id})
RETURN COLLECT { MATCH (p)-[r:TIE]-(:Person) WITH r ORDER BY r.id RETURN r.data } AS data
"""
"""One row (the person's ties) if the person exists, none if not."""

TIE_ENDS: Final = """
UNWIND $ids AS id
MATCH (s:Person)-[r:TIE {id: id}]->(t:Person) USING INDEX SEEK r:TIE(id)
RETURN r.id AS id, s.id AS source_id, t.id AS target_id
"""

DELETE_TIES: Final = """
UNWIND $ids AS id
MATCH (:Person)-[r:TIE {id: id}]->(:Person) USING INDEX SEEK r:TIE(id)
DELETE r
"""

CREATE_TIES: Final = """
UNWIND $rows AS row
MATCH (s:Person {id: row.source_id}) USING INDEX SEEK s:Person(id)
MATCH (t:Person {id: row.target_id}) USING INDEX SEEK t:Person(id)
CREATE (s)-[:TIE {id: row.id, kind: row.kind, data: row.data}]->(t)
"""
"""Ties known to be new; much faster than MERGE for bulk imports."""

SET_TIES: Final = """
UNWIND $rows AS row
MATCH (:Person)-[r:TIE {id: row.id}]->(:Person) USING INDEX SEEK r:TIE(id)
SET r.kind = row.kind, r.data = row.data
"""

# -- cases and network roles --------------------------------------------------

CASE_EXISTS: Final = "MATCH (c:Case {id: $id}) RETURN count(c) AS n"

FIRST_MISSING_CASE: Final = """
UNWIND $ids AS id
WITH id WHERE NOT EXISTS { MATCH (c:Case {id: id}) USING INDEX SEEK c:Case(id) }
RETURN id LIMIT 1
"""

CREATE_CASE: Final = "CREATE (c:Case $props)"

SET_CASE: Final = "MATCH (c:Case {id: $id}) SET c = $props"

LINK_CHILDREN: Final = """
MATCH (c:Case {id: $case_id})
UNWIND $children AS child
MATCH (p:Person {id: child.id}) USING INDEX SEEK p:Person(id)
CREATE (p)-[:CHILD_OF {ord: child.ord}]->(c)
"""

UNLINK_CHILDREN: Final = "MATCH (:Person)-[l:CHILD_OF]->(:Case {id: $case_id}) DELETE l"

GET_CASE: Final = "MATCH (c:Case {id: $id}) RETURN c.data AS data"

DELETE_CASE_PLANS: Final = "MATCH (n:Plan {case_id: $id}) DETACH DELETE n"

DELETE_CASE_CANDIDATES: Final = "MATCH (n:Candidate {case_id: $id}) DETACH DELETE n"

DELETE_CASE_CHANGE_SETS: Final = "MATCH (n:ChangeSet {case_id: $id}) DETACH DELETE n"

DELETE_CASE: Final = "MATCH (c:Case {id: $id}) DETACH DELETE c"
"""Removes the case with its CHILD_OF, ROLE and PLACED relationships."""

LIST_CASES: Final = "MATCH (c:Case) RETURN c.data AS data ORDER BY c.id SKIP $offset LIMIT $limit"

UPSERT_ROLES: Final = """
UNWIND $rows AS row
MATCH (p:Person {id: row.person_id}) USING INDEX SEEK p:Person(id)
MATCH (c:Case {id: row.case_id}) USING INDEX SEEK c:Case(id)
MERGE (p)-[r:ROLE {key: row.key}]->(c)
SET r.case_id = row.case_id, r.person_id = row.person_id, r.data = row.data
"""

ROLES_BY_KEY: Final = """
UNWIND $keys AS key
MATCH (:Person)-[r:ROLE {key: key}]->(:Case) USING INDEX SEEK r:ROLE(key)
RETURN key, r.data AS data
"""

GET_ROLE: Final = """
MATCH (:Person)-[r:ROLE {key: $key}]->(:Case) USING INDEX SEEK r:ROLE(key)
RETURN r.data AS data
"""

REMOVE_ROLE: Final = """
MATCH (p:Person)-[r:ROLE {key: $key}]->(c:Case) USING INDEX SEEK r:ROLE(key)
OPTIONAL MATCH (p)-[placed:PLACED]->(c)
WITH r, collect(placed) AS placed
FOREACH (x IN placed | DELETE x)
DELETE r
RETURN count(*) AS n
"""
"""Removes the role with the person's positions on the case's maps (see :mod:`.positions`)."""

LIST_ROLES: Final = """
MATCH (c:Case {id: $case_id})
RETURN COLLECT {
    MATCH (p:Person)-[r:ROLE]->(c) WITH p, r ORDER BY p.id RETURN r.data
} AS data
"""
"""One row (the case's roles) if the case exists, none if not."""

ROLES_OF: Final = """
MATCH (p:Person {id: $id})
RETURN COLLECT {
    MATCH (p)-[r:ROLE]->(:Case) WITH r ORDER BY r.case_id RETURN r.data
} AS data
"""
"""One row (the person's roles) if the person exists, none if not."""

CASES_OF: Final = """
MATCH (p:Person {id: $id})
RETURN COLLECT {
    MATCH (p)-[:CHILD_OF|ROLE]->(c:Case) WITH DISTINCT c.id AS id ORDER BY id RETURN id
} AS data
"""
"""One row (the case ids) if the person exists, none if not."""

# -- graph queries -------------------------------------------------------------

CASE_SUBGRAPH: Final = """
MATCH (c:Case {id: $case_id})
WITH c, COLLECT { MATCH (p:Person)-[:CHILD_OF|ROLE]->(c) RETURN DISTINCT p } AS members
RETURN c.data AS case,
       [m IN members | m.data] AS persons,
       COLLECT { MATCH (:Person)-[r:ROLE]->(c) RETURN r.data } AS roles,
       COLLECT {
           UNWIND members AS m
           MATCH (m)-[t:TIE]->(o:Person)
           WHERE o IN members
           RETURN t.data
       } AS ties
"""
"""A case with its members, their roles and the ties among them, in one round trip."""

NEIGHBOURS: Final = """
UNWIND $ids AS id
MATCH (p:Person {id: id}) USING INDEX SEEK p:Person(id)
MATCH (p)-[:TIE]-(n:Person)
RETURN DISTINCT n.id AS id
"""
"""Everyone one tie away from a frontier of persons, in either direction."""

TIES_AMONG: Final = """
UNWIND $ids AS id
MATCH (p:Person {id: id}) USING INDEX SEEK p:Person(id)
MATCH (p)-[r:TIE]->(o:Person)
WHERE o.id IN $ids
RETURN r.data AS data
"""

# -- plans --------------------------------------------------------------------

PLAN_EXISTS: Final = "MATCH (n:Plan {id: $id}) RETURN count(n) AS n"

PLAN_VERSION_EXISTS: Final = (
    "MATCH (n:Plan {case_id: $case_id, version: $version}) RETURN count(n) AS n"
)

CREATE_PLAN: Final = "CREATE (n:Plan $props)"

PLAN_PLACE: Final = "MATCH (n:Plan {id: $id}) RETURN n.case_id AS case_id, n.version AS version"

SET_PLAN_DATA: Final = "MATCH (n:Plan {id: $id}) SET n.data = $data"

GET_PLAN: Final = "MATCH (n:Plan {id: $id}) RETURN n.data AS data"

LIST_PLANS: Final = """
MATCH (c:Case {id: $case_id})
RETURN COLLECT {
    MATCH (n:Plan {case_id: $case_id}) WITH n ORDER BY n.version RETURN n.data
} AS data
"""
"""One row (the case's plans) if the case exists, none if not."""

# -- records ------------------------------------------------------------------

FIRST_EXISTING_RECORD: Final = """
UNWIND $ids AS id
MATCH (n:Record {id: id}) USING INDEX SEEK n:Record(id)
RETURN id LIMIT 1
"""

CREATE_RECORDS: Final = """
UNWIND $rows AS row
CREATE (n:Record)
SET n.id = row.id, n.case_id = row.case_id, n.source_name = row.source_name, n.data = row.data
"""

GET_RECORD: Final = "MATCH (n:Record {id: $id}) RETURN n.data AS data"

RECORDS_MATCH: Final = "MATCH (n:Record)"

RECORD_FILTERS: Final[dict[str, LiteralString]] = {
    "case_id": "n.case_id = $case_id",
    "source": "n.source_name = $source",
    "within_cases": "(n.case_id IS NULL OR n.case_id IN $within_cases)",
    "after": "n.id > $after",
}
"""One condition per filter of ``list_records``; a query joins those given with AND, so
the planner seeks the index of the property that narrows (``record_case_id``,
``record_source_name``)."""

LIST_RECORDS_RETURN: Final = """
RETURN n.data AS data ORDER BY n.id SKIP $offset LIMIT $limit
"""

RECORDS_WITHOUT_SOURCE_AFTER: Final = """
MATCH (n:Record) WHERE n.id > $after AND n.source_name IS NULL
RETURN n.id AS id, n.data AS data ORDER BY n.id LIMIT $limit
"""

SET_RECORD_SOURCES: Final = """
UNWIND $rows AS row
MATCH (n:Record {id: row.id}) USING INDEX SEEK n:Record(id)
SET n.source_name = row.source_name
"""
"""Migration 8 → 9: the source name of records stored before it was a key."""

# -- candidates ---------------------------------------------------------------

SAVE_CANDIDATE: Final = "MERGE (n:Candidate {id: $id}) SET n = $props"

GET_CANDIDATE: Final = "MATCH (n:Candidate {id: $id}) RETURN n.data AS data"

CANDIDATES_WITH_TEXT_AFTER: Final = """
MATCH (n:Candidate) WHERE n.id > $after AND n.data CONTAINS $text
RETURN n.id AS id, n.data AS data ORDER BY n.id LIMIT $limit
"""

LIST_CANDIDATES: Final = """
MATCH (c:Case {id: $case_id})
RETURN COLLECT {
    MATCH (n:Candidate {case_id: $case_id}) WITH n ORDER BY n.score DESC, n.id RETURN n.data
} AS data
"""
"""One row (the case's candidates) if the case exists, none if not."""

LIST_CANDIDATES_BY_STATUS: Final = """
MATCH (c:Case {id: $case_id})
RETURN COLLECT {
    MATCH (n:Candidate {case_id: $case_id})
    WHERE n.status = $status
    WITH n ORDER BY n.score DESC, n.id
    RETURN n.data
} AS data
"""

# -- change sets --------------------------------------------------------------

DELETE_OTHER_CHANGE_SETS: Final = """
MATCH (n:ChangeSet {subject_id: $subject_id})
WHERE n.id <> $id
DELETE n
"""
"""Makes room for a subject's new change set (one per subject)."""

SAVE_CHANGE_SET: Final = "MERGE (n:ChangeSet {id: $id}) SET n = $props"

GET_CHANGE_SET: Final = "MATCH (n:ChangeSet {id: $id}) RETURN properties(n) AS props"

CHANGE_SET_FOR: Final = (
    "MATCH (n:ChangeSet {subject_id: $subject_id}) RETURN properties(n) AS props"
)

DELETE_CHANGE_SET: Final = "MATCH (n:ChangeSet {id: $id}) DELETE n RETURN count(*) AS n"

DELETE_CHANGE_SET_OF: Final = "MATCH (n:ChangeSet {subject_id: $subject_id}) DELETE n"

# -- audit --------------------------------------------------------------------

APPEND_AUDIT: Final = "CREATE (e:AuditEvent $props)"

AUDIT_EXISTS: Final = "MATCH (e:AuditEvent {id: $id}) RETURN count(e) AS n"

FIRST_EXISTING_AUDIT: Final = """
UNWIND $ids AS id
MATCH (e:AuditEvent {id: id}) USING INDEX SEEK e:AuditEvent(id)
RETURN id LIMIT 1
"""

APPEND_AUDIT_MANY: Final = """
UNWIND $rows AS row
CREATE (e:AuditEvent)
SET e = row
"""

AUDIT_MATCH: Final = "MATCH (e:AuditEvent)"

AUDIT_FILTERS: Final[dict[str, LiteralString]] = {
    "case_id": "e.case_id = $case_id",
    "actor": "e.actor = $actor",
    "entity_id": "e.entity_id = $entity_id",
    "action": "e.action = $action",
    "since": "e.at >= $since",
    "until": "e.at < $until",
}
"""One condition per filter of ``list_audit``; a query joins those given with AND, so
each names the properties its indexes cover."""

LIST_AUDIT_RETURN: Final = """
RETURN e.data AS data
ORDER BY e.at DESC, e.id DESC SKIP $offset LIMIT $limit
"""

COUNT_AUDIT_RETURN: Final = "\nRETURN count(e) AS n"

AUDIT_WITHOUT_KEYS_AFTER: Final = """
MATCH (e:AuditEvent) WHERE e.id > $after AND e.action IS NULL
RETURN e.id AS id, e.data AS data ORDER BY e.id LIMIT $limit
"""

SET_AUDIT_KEYS: Final = """
UNWIND $rows AS row
MATCH (e:AuditEvent {id: row.id}) USING INDEX SEEK e:AuditEvent(id)
SET e.entity_id = row.entity_id, e.action = row.action
"""
"""Migration 3 → 4: the filter keys of events stored before there were any."""

# -- units of work --------------------------------------------------------------

_HOLD_TAIL: Final = " SET n.held = true REMOVE n.held RETURN count(n) AS n"

HOLD: Final[dict[str, LiteralString]] = {
    "candidate": "MATCH (n:Candidate {id: $key})" + _HOLD_TAIL,
    "role": "MATCH (:Person)-[n:ROLE {key: $key}]->(:Case) USING INDEX SEEK n:ROLE(key)"
    + _HOLD_TAIL,
    "plan": "MATCH (n:Plan {id: $key})" + _HOLD_TAIL,
    "case": "MATCH (n:Case {id: $key})" + _HOLD_TAIL,
    "person": "MATCH (n:Person {id: $key})" + _HOLD_TAIL,
}
"""Take the write lock of one node or role by a write that leaves it as it was (Neo4j
locks what a transaction writes until it ends); the labels are this fixed list."""
