-- Governance (issue #8, domain.md §6): bodies per programme or unit with their
-- members (a member need not have a login), meetings with agenda items,
-- attendees and apologies, and minutes kept as versions with decisions and
-- actions. Approved minutes are never changed: a correction is a new version.
CREATE TABLE gov_body (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  unit_id BIGINT REFERENCES unit(id),
  kind TEXT NOT NULL,
  name TEXT NOT NULL,
  interval_days BIGINT NOT NULL DEFAULT 0,
  duration_minutes BIGINT NOT NULL DEFAULT 120,
  place TEXT NOT NULL DEFAULT ''
);
CREATE UNIQUE INDEX gov_body_scope ON gov_body(programme_id, COALESCE(unit_id, 0), kind);
CREATE TABLE gov_member (
  id INTEGER PRIMARY KEY,
  body_id BIGINT NOT NULL REFERENCES gov_body(id),
  party_id BIGINT REFERENCES party(id),
  name TEXT NOT NULL,
  user_id BIGINT REFERENCES app_user(id),
  start_date TEXT NOT NULL,
  end_date TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gov_member_body ON gov_member(body_id);
CREATE TABLE gov_meeting (
  id INTEGER PRIMARY KEY,
  body_id BIGINT NOT NULL REFERENCES gov_body(id),
  meeting_date TEXT NOT NULL,
  meeting_time TEXT NOT NULL DEFAULT '',
  duration_minutes BIGINT NOT NULL DEFAULT 120,
  place TEXT NOT NULL DEFAULT '',
  attendees TEXT NOT NULL DEFAULT '',
  apologies TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX gov_meeting_body_date ON gov_meeting(body_id, meeting_date);
CREATE TABLE gov_agenda_item (
  id INTEGER PRIMARY KEY,
  meeting_id BIGINT NOT NULL REFERENCES gov_meeting(id),
  position BIGINT NOT NULL,
  text TEXT NOT NULL,
  standing TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gov_agenda_meeting ON gov_agenda_item(meeting_id);
CREATE TABLE gov_minutes (
  id INTEGER PRIMARY KEY,
  meeting_id BIGINT NOT NULL REFERENCES gov_meeting(id),
  version BIGINT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  approved_on TEXT NOT NULL DEFAULT '',
  approved_by BIGINT REFERENCES app_user(id),
  approved_by_name TEXT NOT NULL DEFAULT '',
  saved_by BIGINT REFERENCES app_user(id),
  saved_at BIGINT NOT NULL,
  UNIQUE (meeting_id, version)
);
CREATE TABLE gov_decision (
  id INTEGER PRIMARY KEY,
  minutes_id BIGINT NOT NULL REFERENCES gov_minutes(id),
  position BIGINT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX gov_decision_minutes ON gov_decision(minutes_id);
CREATE TABLE gov_action (
  id INTEGER PRIMARY KEY,
  minutes_id BIGINT NOT NULL REFERENCES gov_minutes(id),
  meeting_id BIGINT NOT NULL REFERENCES gov_meeting(id),
  position BIGINT NOT NULL,
  text TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  owner_user_id BIGINT REFERENCES app_user(id),
  due TEXT NOT NULL,
  done_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX gov_action_minutes ON gov_action(minutes_id);
CREATE INDEX gov_action_owner ON gov_action(owner_user_id, done_on);
-- The programme plan's versions (the highest is current) and their sections.
CREATE TABLE programme_plan_version (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  version TEXT NOT NULL,
  decision TEXT NOT NULL,
  decided_by TEXT NOT NULL,
  decided_on TEXT NOT NULL,
  created_by BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL,
  UNIQUE (programme_id, version)
);
CREATE TABLE programme_plan_section (
  id INTEGER PRIMARY KEY,
  programme_plan_version_id BIGINT NOT NULL REFERENCES programme_plan_version(id),
  code TEXT NOT NULL,
  text TEXT NOT NULL,
  UNIQUE (programme_plan_version_id, code)
);
-- The semester activity plan.
CREATE TABLE activity_item (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  semester TEXT NOT NULL,
  activity TEXT NOT NULL,
  status TEXT NOT NULL,
  responsible TEXT NOT NULL DEFAULT '',
  evidence TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL
);
CREATE INDEX activity_item_programme ON activity_item(programme_id);
-- Staff diaries (veckodagböcker): per unit and ISO week; themes comma-separated.
CREATE TABLE diary_entry (
  id INTEGER PRIMARY KEY,
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  author_id BIGINT NOT NULL REFERENCES app_user(id),
  week TEXT NOT NULL,
  iso_year BIGINT NOT NULL,
  text TEXT NOT NULL,
  themes TEXT NOT NULL,
  for_annual_report BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX diary_entry_unit_year ON diary_entry(unit_id, iso_year);
-- The annual report's text sections, a version per save.
CREATE TABLE annual_report_version (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  year BIGINT NOT NULL,
  version BIGINT NOT NULL,
  saved_by BIGINT REFERENCES app_user(id),
  saved_by_name TEXT NOT NULL DEFAULT '',
  saved_at BIGINT NOT NULL,
  UNIQUE (programme_id, year, version)
);
CREATE TABLE annual_report_section (
  id INTEGER PRIMARY KEY,
  report_version_id BIGINT NOT NULL REFERENCES annual_report_version(id),
  code TEXT NOT NULL,
  text TEXT NOT NULL
);
CREATE INDEX annual_report_section_version ON annual_report_section(report_version_id);
