-- Learning from the work (issue #9): the programme catalogue with full-text
-- search (FTS5 over an external-content table kept in sync by triggers),
-- strategy action programmes (goals → focus areas → actors) with a status and
-- follow-up notes per item, and the lasting effect 6 and 12 months after exit
-- for enrolments whose consent allows contact after exit.
CREATE TABLE catalogue_entry (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  association TEXT NOT NULL DEFAULT '',
  county TEXT NOT NULL DEFAULT '',
  owner_provider TEXT NOT NULL DEFAULT '',
  financing TEXT NOT NULL DEFAULT '',
  period_start TEXT NOT NULL DEFAULT '',
  period_end TEXT NOT NULL DEFAULT '',
  active_from TEXT NOT NULL DEFAULT '',
  active_to TEXT NOT NULL DEFAULT '',
  purpose TEXT NOT NULL DEFAULT '',
  target_group TEXT NOT NULL DEFAULT '',
  places TEXT NOT NULL DEFAULT '',
  goals TEXT NOT NULL DEFAULT '',
  results TEXT NOT NULL DEFAULT '',
  contact TEXT NOT NULL DEFAULT '',
  source_note TEXT NOT NULL DEFAULT '',
  programme_id BIGINT REFERENCES programme(id),
  updated_by BIGINT REFERENCES app_user(id),
  updated_at BIGINT NOT NULL
);
CREATE INDEX catalogue_entry_county ON catalogue_entry(county);
CREATE INDEX catalogue_entry_active ON catalogue_entry(active_from, active_to);
CREATE VIRTUAL TABLE catalogue_fts USING fts5(
  name, association, county, owner_provider, financing, purpose, target_group, goals, results,
  content='catalogue_entry', content_rowid='id', tokenize='unicode61');
CREATE TRIGGER catalogue_entry_ai AFTER INSERT ON catalogue_entry BEGIN
  INSERT INTO catalogue_fts(rowid, name, association, county, owner_provider, financing, purpose, target_group, goals, results)
  VALUES (new.id, new.name, new.association, new.county, new.owner_provider, new.financing, new.purpose,
          new.target_group, new.goals, new.results);
END;
CREATE TRIGGER catalogue_entry_ad AFTER DELETE ON catalogue_entry BEGIN
  INSERT INTO catalogue_fts(catalogue_fts, rowid, name, association, county, owner_provider, financing, purpose,
                            target_group, goals, results)
  VALUES ('delete', old.id, old.name, old.association, old.county, old.owner_provider, old.financing, old.purpose,
          old.target_group, old.goals, old.results);
END;
CREATE TRIGGER catalogue_entry_au AFTER UPDATE ON catalogue_entry BEGIN
  INSERT INTO catalogue_fts(catalogue_fts, rowid, name, association, county, owner_provider, financing, purpose,
                            target_group, goals, results)
  VALUES ('delete', old.id, old.name, old.association, old.county, old.owner_provider, old.financing, old.purpose,
          old.target_group, old.goals, old.results);
  INSERT INTO catalogue_fts(rowid, name, association, county, owner_provider, financing, purpose, target_group, goals, results)
  VALUES (new.id, new.name, new.association, new.county, new.owner_provider, new.financing, new.purpose,
          new.target_group, new.goals, new.results);
END;

CREATE TABLE strategy (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  owner TEXT NOT NULL DEFAULT '',
  period_start TEXT NOT NULL DEFAULT '',
  period_end TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE TABLE strategy_goal (
  id INTEGER PRIMARY KEY,
  strategy_id BIGINT NOT NULL REFERENCES strategy(id),
  number BIGINT NOT NULL,
  title TEXT NOT NULL,
  UNIQUE (strategy_id, number)
);
CREATE TABLE strategy_item (
  id INTEGER PRIMARY KEY,
  goal_id BIGINT NOT NULL REFERENCES strategy_goal(id),
  position BIGINT NOT NULL,
  focus_area TEXT NOT NULL,
  actors TEXT NOT NULL DEFAULT '',
  initiators TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL DEFAULT 'not_started',
  responsible TEXT NOT NULL DEFAULT '',
  updated_at BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX strategy_item_goal ON strategy_item(goal_id, position);
CREATE TABLE strategy_note (
  id INTEGER PRIMARY KEY,
  item_id BIGINT NOT NULL REFERENCES strategy_item(id),
  note_date TEXT NOT NULL,
  status TEXT NOT NULL,
  text TEXT NOT NULL DEFAULT '',
  by_name TEXT NOT NULL DEFAULT '',
  by_user BIGINT REFERENCES app_user(id),
  created_at BIGINT NOT NULL
);
CREATE INDEX strategy_note_item ON strategy_note(item_id);

ALTER TABLE enrolment ADD COLUMN contact_after_exit BIGINT NOT NULL DEFAULT 0;
ALTER TABLE enrolment ADD COLUMN contact_after_exit_on TEXT NOT NULL DEFAULT '';
CREATE INDEX enrolment_contact_after_exit ON enrolment(exit_date) WHERE contact_after_exit = 1;
CREATE TABLE lasting_effect (
  id INTEGER PRIMARY KEY,
  enrolment_id BIGINT NOT NULL REFERENCES enrolment(id),
  months BIGINT NOT NULL,
  status TEXT NOT NULL,
  checked_on TEXT NOT NULL,
  recorded_by BIGINT REFERENCES app_user(id),
  recorded_at BIGINT NOT NULL,
  UNIQUE (enrolment_id, months)
);
