-- Money (issue #7): budgets with versions and lines, actual costs per month,
-- line and unit (corrections are new rows), and the units' requisitions.
-- Amounts are whole öre; unit_id 0 means the whole programme / no unit.
CREATE TABLE budget (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  unit_id BIGINT NOT NULL DEFAULT 0,
  year INTEGER NOT NULL,
  version INTEGER NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  frame_ore BIGINT,
  decided_by TEXT NOT NULL DEFAULT '',
  approved_on TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  UNIQUE (programme_id, unit_id, year, version)
);
CREATE TABLE budget_line (
  budget_id BIGINT NOT NULL REFERENCES budget(id),
  position INTEGER NOT NULL,
  code TEXT NOT NULL,
  name TEXT NOT NULL,
  amount_ore BIGINT NOT NULL,
  PRIMARY KEY (budget_id, code)
);
CREATE TABLE cost (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  unit_id BIGINT NOT NULL DEFAULT 0,
  month TEXT NOT NULL,
  line_code TEXT NOT NULL,
  amount_ore BIGINT NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  source TEXT NOT NULL DEFAULT 'manual',
  created_at BIGINT NOT NULL,
  created_by BIGINT NOT NULL DEFAULT 0
);
CREATE INDEX cost_programme_month ON cost(programme_id, month, unit_id);
CREATE TABLE requisition (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  unit_id BIGINT NOT NULL REFERENCES unit(id),
  from_date TEXT NOT NULL,
  to_date TEXT NOT NULL,
  due_date TEXT NOT NULL,
  amount_ore BIGINT NOT NULL,
  status TEXT NOT NULL DEFAULT 'draft',
  sent_on TEXT NOT NULL DEFAULT '',
  sent_by TEXT NOT NULL DEFAULT '',
  paid_on TEXT NOT NULL DEFAULT '',
  paid_by TEXT NOT NULL DEFAULT '',
  created_by TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX requisition_unit ON requisition(unit_id, from_date);
