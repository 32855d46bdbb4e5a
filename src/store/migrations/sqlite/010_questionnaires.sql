-- Questionnaires (issue #9): versions of items (a version used in a round is
-- frozen: an edit makes the next version), rounds with one-time tokens kept
-- only as hashes, and anonymous responses: no token, no address, only the day.
-- survey_tally counts answers per round, item and value as they come.
CREATE TABLE questionnaire (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  respondent_group TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  current_version BIGINT NOT NULL DEFAULT 1,
  created_by BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL
);
CREATE TABLE questionnaire_version (
  id INTEGER PRIMARY KEY,
  questionnaire_id BIGINT NOT NULL REFERENCES questionnaire(id),
  version BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (questionnaire_id, version)
);
CREATE TABLE questionnaire_item (
  id INTEGER PRIMARY KEY,
  version_id BIGINT NOT NULL REFERENCES questionnaire_version(id),
  position BIGINT NOT NULL,
  item_key TEXT NOT NULL,
  text TEXT NOT NULL,
  kind TEXT NOT NULL,
  min_value BIGINT NOT NULL DEFAULT 0,
  max_value BIGINT NOT NULL DEFAULT 0,
  min_label TEXT NOT NULL DEFAULT '',
  max_label TEXT NOT NULL DEFAULT '',
  required BIGINT NOT NULL DEFAULT 0,
  UNIQUE (version_id, item_key)
);
CREATE TABLE survey_round (
  id INTEGER PRIMARY KEY,
  questionnaire_id BIGINT NOT NULL REFERENCES questionnaire(id),
  version_id BIGINT NOT NULL REFERENCES questionnaire_version(id),
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  unit_id BIGINT REFERENCES unit(id),
  opens TEXT NOT NULL,
  closes TEXT NOT NULL,
  invitations BIGINT NOT NULL,
  created_by BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX survey_round_questionnaire ON survey_round(questionnaire_id);
CREATE INDEX survey_round_version ON survey_round(version_id);
CREATE TABLE survey_token (
  id INTEGER PRIMARY KEY,
  round_id BIGINT NOT NULL REFERENCES survey_round(id),
  token_hash TEXT NOT NULL UNIQUE,
  used_on TEXT NOT NULL DEFAULT ''
);
CREATE INDEX survey_token_round ON survey_token(round_id);
CREATE TABLE survey_response (
  id INTEGER PRIMARY KEY,
  round_id BIGINT NOT NULL REFERENCES survey_round(id),
  answered_on TEXT NOT NULL
);
CREATE INDEX survey_response_round ON survey_response(round_id);
CREATE TABLE survey_answer (
  id INTEGER PRIMARY KEY,
  response_id BIGINT NOT NULL REFERENCES survey_response(id),
  round_id BIGINT NOT NULL REFERENCES survey_round(id),
  item_key TEXT NOT NULL,
  value BIGINT,
  text_value TEXT
);
CREATE INDEX survey_answer_response ON survey_answer(response_id);
CREATE INDEX survey_answer_text ON survey_answer(round_id, item_key) WHERE text_value IS NOT NULL;
CREATE TABLE survey_tally (
  round_id BIGINT NOT NULL REFERENCES survey_round(id),
  item_key TEXT NOT NULL,
  value BIGINT NOT NULL,
  answers BIGINT NOT NULL,
  PRIMARY KEY (round_id, item_key, value)
);
