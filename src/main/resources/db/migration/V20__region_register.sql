-- Regions and municipalities are data the administrator enters (process "Legg til kommune"), not migrations:
-- a region has a name of its own (the reports and the engine's tenant use it), and each entry records who made it.
-- Written for both H2 and PostgreSQL.

CREATE TABLE region (
  code      VARCHAR(40)  PRIMARY KEY,
  name      VARCHAR(100) NOT NULL UNIQUE,
  added_at  TIMESTAMP,
  added_by  VARCHAR(64)
);

INSERT INTO region (code, name) VALUES
  ('grenland',    'Grenland'),
  ('sorRogaland', 'Sør-Rogaland'),
  ('agder',       'Agder');

ALTER TABLE municipality ADD COLUMN added_at TIMESTAMP;
ALTER TABLE municipality ADD COLUMN added_by VARCHAR(64);
ALTER TABLE municipality ADD CONSTRAINT municipality_region_fk FOREIGN KEY (region) REFERENCES region (code);
CREATE UNIQUE INDEX municipality_name_unique ON municipality (name);
