-- Organisation, accounts, sessions and the audit log (SQLite).
-- Every integer column but the rowid keys is BIGINT: SOCI reads SQLite's
-- INTEGER as a 32-bit int and would truncate larger values (timestamps past
-- 2038, populations). Row ids stay INTEGER PRIMARY KEY (the rowid alias).
CREATE TABLE association (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  org_number TEXT NOT NULL DEFAULT ''
);
CREATE TABLE party (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL
);
CREATE TABLE municipality (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL UNIQUE,
  party_id BIGINT REFERENCES party(id),
  population BIGINT NOT NULL DEFAULT 0,
  socioeconomic_index REAL NOT NULL DEFAULT 0
);
CREATE TABLE programme (
  id INTEGER PRIMARY KEY,
  association_id BIGINT NOT NULL REFERENCES association(id),
  name TEXT NOT NULL UNIQUE,
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL,
  purpose TEXT NOT NULL DEFAULT '',
  target_group TEXT NOT NULL DEFAULT ''
);
CREATE TABLE track (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  min_age BIGINT NOT NULL,
  max_age BIGINT NOT NULL,
  staff_role TEXT NOT NULL,
  UNIQUE (programme_id, code)
);
CREATE TABLE unit (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  name TEXT NOT NULL,
  controller_party_id BIGINT REFERENCES party(id),
  UNIQUE (programme_id, name)
);
CREATE TABLE unit_municipality (
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  PRIMARY KEY (unit_id, municipality_id),
  UNIQUE (programme_id, municipality_id)
);
CREATE TABLE app_user (
  id INTEGER PRIMARY KEY,
  username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  email TEXT NOT NULL DEFAULT '',
  password_hash TEXT NOT NULL,
  employing_party_id BIGINT REFERENCES party(id),
  disabled BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE TABLE role_assignment (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  role TEXT NOT NULL,
  unit_id BIGINT REFERENCES unit(id),
  municipality_id BIGINT REFERENCES municipality(id),
  fte_pct REAL NOT NULL DEFAULT 0
);
CREATE INDEX role_assignment_user ON role_assignment(user_id);
CREATE INDEX role_assignment_unit ON role_assignment(unit_id);
CREATE TABLE web_session (
  id_hash TEXT PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  csrf_token TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  last_seen_at BIGINT NOT NULL
);
CREATE INDEX web_session_user ON web_session(user_id);
CREATE TABLE login_failure (
  id INTEGER PRIMARY KEY,
  throttle_key TEXT NOT NULL,
  at BIGINT NOT NULL
);
CREATE INDEX login_failure_key ON login_failure(throttle_key, at);
CREATE TABLE api_token (
  id INTEGER PRIMARY KEY,
  user_id BIGINT NOT NULL REFERENCES app_user(id),
  name TEXT NOT NULL,
  token_hash TEXT NOT NULL UNIQUE,
  created_at BIGINT NOT NULL,
  revoked_at BIGINT
);
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY,
  at BIGINT NOT NULL,
  user_id BIGINT,
  username TEXT NOT NULL,
  action TEXT NOT NULL,
  record_type TEXT NOT NULL,
  record_id TEXT NOT NULL,
  address TEXT NOT NULL,
  detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL
);
CREATE INDEX audit_log_user ON audit_log(username, at);
CREATE INDEX audit_log_record ON audit_log(record_type, record_id);
CREATE INDEX audit_log_at ON audit_log(at);
-- The audit log is append-only: the database refuses edits and deletions.
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
