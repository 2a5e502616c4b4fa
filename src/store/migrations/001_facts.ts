/** Migration 001: the contract's fact tables, datasets, quarantine and fact history. */
export const sql = /* sql */ `
CREATE TABLE datasets (
  id INTEGER PRIMARY KEY,
  name TEXT NOT NULL,
  source_path TEXT NOT NULL,
  content_hash TEXT NOT NULL,
  imported_at TEXT NOT NULL,
  summary TEXT
);
CREATE INDEX datasets_hash ON datasets(content_hash);

CREATE TABLE quarantine (
  id INTEGER PRIMARY KEY,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  file TEXT NOT NULL,
  line INTEGER NOT NULL,
  column_name TEXT,
  value TEXT,
  reason TEXT NOT NULL,
  reason_sv TEXT NOT NULL,
  raw TEXT
);
CREATE INDEX quarantine_dataset ON quarantine(dataset_id);

-- Superseded versions of facts: a newer extract updates by id and keeps history here.
CREATE TABLE fact_history (
  id INTEGER PRIMARY KEY,
  table_name TEXT NOT NULL,
  key TEXT NOT NULL,
  old_row TEXT NOT NULL,
  replaced_by_dataset INTEGER NOT NULL REFERENCES datasets(id),
  replaced_at TEXT NOT NULL
);
CREATE INDEX fact_history_key ON fact_history(table_name, key);

CREATE TABLE meta (
  k TEXT PRIMARY KEY,
  v TEXT
);

CREATE TABLE companies (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  org_nr TEXT,
  name TEXT,
  legal_form TEXT,
  registered_on TEXT,
  deregistered_on TEXT,
  status TEXT,
  address TEXT,
  postal_code TEXT,
  city TEXT,
  phone TEXT,
  email TEXT,
  sni TEXT,
  address_key TEXT,
  alt_names TEXT,
  co TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE persons (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  person_id TEXT,
  name TEXT,
  birth_date TEXT,
  address TEXT,
  postal_code TEXT,
  city TEXT,
  deceased_on TEXT,
  address_key TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE roles (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  org_nr TEXT,
  holder_id TEXT,
  role TEXT,
  holder_kind TEXT,
  share_pct REAL,
  from_date TEXT,
  to_date TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE licences (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  licence_id TEXT,
  org_nr TEXT,
  kind TEXT,
  status TEXT,
  unit_name TEXT,
  address TEXT,
  postal_code TEXT,
  city TEXT,
  capacity INTEGER,
  age_min INTEGER,
  age_max INTEGER,
  target_group TEXT,
  granted_on TEXT,
  status_on TEXT,
  decision_ref TEXT,
  reason TEXT,
  address_key TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE inspections (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  org_nr TEXT,
  licence_id TEXT,
  decided_on TEXT,
  outcome TEXT,
  findings TEXT,
  tags TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE reviewed_persons (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  org_nr TEXT,
  person_id TEXT,
  role TEXT,
  reviewed_on TEXT,
  outcome TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE foster_homes (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  home_id TEXT,
  address TEXT,
  postal_code TEXT,
  city TEXT,
  municipality TEXT,
  parent_ids TEXT,
  approved_capacity INTEGER,
  approved_on TEXT,
  ended_on TEXT,
  consultant_org_nr TEXT,
  address_key TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE placements (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  placement_id TEXT,
  from_date TEXT,
  to_date TEXT,
  home_id TEXT,
  licence_id TEXT,
  child_ref TEXT,
  child_birth_year INTEGER,
  municipality TEXT,
  daily_fee_sek REAL,
  payee_org_nr TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE employments (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  org_nr TEXT,
  person_id TEXT,
  title TEXT,
  profession TEXT,
  from_date TEXT,
  to_date TEXT,
  record_check_on TEXT,
  works_with_children INTEGER,
  workplace TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE legitimations (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  person_id TEXT,
  profession TEXT,
  granted_on TEXT,
  revoked_on TEXT,
  restricted INTEGER,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE financial_events (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  subject_id TEXT,
  subject_kind TEXT,
  kind TEXT,
  amount_sek REAL,
  occurred_on TEXT,
  resolved_on TEXT,
  source TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE sanctions (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  subject_id TEXT,
  subject_kind TEXT,
  kind TEXT,
  from_date TEXT,
  to_date TEXT,
  offence TEXT,
  decision_ref TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE relations (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  a_id TEXT,
  a_kind TEXT,
  b_id TEXT,
  b_kind TEXT,
  kind TEXT,
  from_date TEXT,
  to_date TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE residences (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  person_id TEXT,
  address TEXT,
  postal_code TEXT,
  city TEXT,
  from_date TEXT,
  to_date TEXT,
  address_key TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);
CREATE TABLE payments (
  row_id INTEGER PRIMARY KEY,
  key TEXT NOT NULL UNIQUE,
  payer TEXT,
  payee_org_nr TEXT,
  paid_on TEXT,
  amount_sek REAL,
  purpose TEXT,
  licence_id TEXT,
  home_id TEXT,
  extra TEXT,
  dataset_id INTEGER NOT NULL REFERENCES datasets(id),
  src_file TEXT NOT NULL,
  src_line INTEGER NOT NULL,
  imported_at TEXT NOT NULL
);

CREATE INDEX companies_addr ON companies(address_key);
CREATE INDEX companies_phone ON companies(phone);
CREATE INDEX companies_email ON companies(email);
CREATE INDEX persons_addr ON persons(address_key);
CREATE INDEX roles_org ON roles(org_nr);
CREATE INDEX roles_holder ON roles(holder_id);
CREATE INDEX licences_org ON licences(org_nr);
CREATE INDEX licences_addr ON licences(address_key);
CREATE INDEX inspections_org ON inspections(org_nr);
CREATE INDEX reviewed_org ON reviewed_persons(org_nr);
CREATE INDEX foster_addr ON foster_homes(address_key);
CREATE INDEX placements_home ON placements(home_id);
CREATE INDEX placements_licence ON placements(licence_id);
CREATE INDEX employments_org ON employments(org_nr);
CREATE INDEX employments_person ON employments(person_id);
CREATE INDEX legitimations_person ON legitimations(person_id);
CREATE INDEX financial_subject ON financial_events(subject_id);
CREATE INDEX sanctions_subject ON sanctions(subject_id);
CREATE INDEX relations_a ON relations(a_id);
CREATE INDEX relations_b ON relations(b_id);
CREATE INDEX residences_person ON residences(person_id);
CREATE INDEX residences_addr ON residences(address_key);
CREATE INDEX payments_payee ON payments(payee_org_nr);
`;
