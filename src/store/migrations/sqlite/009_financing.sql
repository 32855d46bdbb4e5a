-- Staffing financed per municipality and role (issue #7, domain.md §7): each
-- year's agreement (the association's share and the co-financing party's share
-- as FTE %), and saved allocation-key scenarios with the proposal as computed.
CREATE TABLE financed_post (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  year BIGINT NOT NULL,
  party_id BIGINT NOT NULL REFERENCES party(id),
  municipality_id BIGINT REFERENCES municipality(id),
  role TEXT NOT NULL,
  association_fte_pct DOUBLE PRECISION NOT NULL,
  cofinancing_fte_pct DOUBLE PRECISION NOT NULL,
  note TEXT NOT NULL DEFAULT '',
  UNIQUE (programme_id, year, party_id, role)
);
CREATE TABLE allocation_scenario (
  id INTEGER PRIMARY KEY,
  programme_id BIGINT NOT NULL REFERENCES programme(id),
  name TEXT NOT NULL,
  population_weight DOUBLE PRECISION NOT NULL,
  socioeconomic_weight DOUBLE PRECISION NOT NULL,
  proposal TEXT NOT NULL,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  UNIQUE (programme_id, name)
);
