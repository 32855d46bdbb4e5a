-- The participant's path: people (identifiers sealed), referrals, enrolments
-- with SUS-like start and exit variables, consents, allocations, plan versions,
-- contacts, follow-ups, goal ratings and final documents (SQLite).
-- Sealed columns (*_sealed) hold XChaCha20-Poly1305 text made with the key
-- outside the database; pn_index is a keyed hash (blind index) of the number.
CREATE TABLE person (
  id INTEGER PRIMARY KEY,
  pn_index TEXT UNIQUE,
  pn_sealed TEXT NOT NULL DEFAULT '',
  first_name_sealed TEXT NOT NULL DEFAULT '',
  last_name_sealed TEXT NOT NULL DEFAULT '',
  contact_sealed TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE TABLE referral (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  track_id BIGINT NOT NULL REFERENCES track(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  referring_party_id BIGINT NOT NULL REFERENCES party(id),
  referrer_name_sealed TEXT NOT NULL DEFAULT '',
  person_id BIGINT REFERENCES person(id),
  anonymous BIGINT NOT NULL DEFAULT 0,
  gender TEXT NOT NULL,
  birth_year BIGINT NOT NULL,
  income_sources TEXT NOT NULL DEFAULT '',
  coordination_parties TEXT NOT NULL DEFAULT '',
  reason_sealed TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL,
  received_on TEXT NOT NULL,
  intake_on TEXT,
  decided_on TEXT,
  decision_reason TEXT NOT NULL DEFAULT '',
  override_reason TEXT NOT NULL DEFAULT '',
  created_by BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX referral_unit_status ON referral(unit_id, status);
CREATE TABLE enrolment (
  id INTEGER PRIMARY KEY,
  referral_id BIGINT REFERENCES referral(id),
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  track_id BIGINT NOT NULL REFERENCES track(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  municipality_id BIGINT NOT NULL REFERENCES municipality(id),
  person_id BIGINT REFERENCES person(id),
  anonymous BIGINT NOT NULL DEFAULT 0,
  gender TEXT NOT NULL,
  birth_year BIGINT NOT NULL,
  start_date TEXT NOT NULL,
  exit_date TEXT,
  outcome TEXT NOT NULL DEFAULT '',
  staff_id BIGINT REFERENCES app_user(id),
  income_before TEXT NOT NULL DEFAULT '',
  support_duration TEXT NOT NULL DEFAULT '',
  education TEXT NOT NULL DEFAULT '',
  occupation_before TEXT NOT NULL DEFAULT '',
  income_after TEXT NOT NULL DEFAULT '',
  occupation_after TEXT NOT NULL DEFAULT '',
  next_step_sealed TEXT NOT NULL DEFAULT '',
  final_report_sent_on TEXT,
  final_report_to TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  version BIGINT NOT NULL DEFAULT 1
);
CREATE INDEX enrolment_unit ON enrolment(unit_id, exit_date);
CREATE INDEX enrolment_staff ON enrolment(staff_id, exit_date);
CREATE INDEX enrolment_person ON enrolment(person_id);
CREATE INDEX enrolment_programme_dates ON enrolment(programme_id, start_date, exit_date);
CREATE TABLE consent (
  id INTEGER PRIMARY KEY,
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  party_id BIGINT NOT NULL REFERENCES party(id),
  given BIGINT NOT NULL,
  decided_on TEXT NOT NULL,
  recorded_by BIGINT REFERENCES app_user(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX consent_enrolment ON consent(enrolment_id);
CREATE TABLE allocation (
  id INTEGER PRIMARY KEY,
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  staff_id BIGINT NOT NULL REFERENCES app_user(id),
  allocated_on TEXT NOT NULL,
  override_reason TEXT NOT NULL DEFAULT '',
  recorded_by BIGINT REFERENCES app_user(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX allocation_enrolment ON allocation(enrolment_id);
CREATE TABLE plan_version (
  id INTEGER PRIMARY KEY,
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  version BIGINT NOT NULL,
  content_sealed TEXT NOT NULL,
  next_follow_up TEXT,
  saved_by BIGINT REFERENCES app_user(id),
  saved_at BIGINT NOT NULL,
  UNIQUE (enrolment_id, version)
);
CREATE TABLE contact (
  id INTEGER PRIMARY KEY,
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  contact_date TEXT NOT NULL,
  kind TEXT NOT NULL,
  minutes BIGINT NOT NULL,
  note_sealed TEXT NOT NULL DEFAULT '',
  staff_id BIGINT REFERENCES app_user(id),
  request_key TEXT UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX contact_enrolment ON contact(enrolment_id, contact_date);
CREATE TABLE follow_up (
  id INTEGER PRIMARY KEY,
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  follow_up_date TEXT NOT NULL,
  with_referrer BIGINT NOT NULL,
  decision TEXT NOT NULL,
  note_sealed TEXT NOT NULL DEFAULT '',
  next_follow_up TEXT,
  staff_id BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX follow_up_enrolment ON follow_up(enrolment_id, follow_up_date);
CREATE TABLE goal_rating (
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  phase TEXT NOT NULL,
  area TEXT NOT NULL,
  rating BIGINT NOT NULL,
  PRIMARY KEY (enrolment_id, phase, area)
);
