-- Outcomes (issue #4): ORS/SRS ratings per meeting, programme targets, and the
-- programme's small-cell suppression setting (SQLite).
-- Rating items are stored in tenths (0..100) so that sums are exact integers.
CREATE TABLE rating (
  id INTEGER PRIMARY KEY,
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  rating_date TEXT NOT NULL,
  scale TEXT NOT NULL CHECK (scale IN ('ORS', 'SRS')),
  item1 BIGINT NOT NULL CHECK (item1 BETWEEN 0 AND 100),
  item2 BIGINT NOT NULL CHECK (item2 BETWEEN 0 AND 100),
  item3 BIGINT NOT NULL CHECK (item3 BETWEEN 0 AND 100),
  item4 BIGINT NOT NULL CHECK (item4 BETWEEN 0 AND 100),
  total BIGINT NOT NULL CHECK (total BETWEEN 0 AND 400),
  staff_id BIGINT REFERENCES app_user(id),
  request_key TEXT UNIQUE,
  created_at BIGINT NOT NULL
);
CREATE INDEX rating_enrolment ON rating(enrolment_id, scale, rating_date, id);
-- A target: the share of a population (exits, starts or active in the period)
-- that meets a condition, compared with threshold_pct.
CREATE TABLE programme_target (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  name TEXT NOT NULL,
  population TEXT NOT NULL,
  condition TEXT NOT NULL,
  parameter TEXT NOT NULL DEFAULT '',
  comparison TEXT NOT NULL DEFAULT 'at_least',
  threshold_pct BIGINT NOT NULL,
  position BIGINT NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX programme_target_programme ON programme_target(programme_id, position);
ALTER TABLE programme ADD COLUMN suppress_small_cells BIGINT NOT NULL DEFAULT 1;
