-- A mentor is told in the daily e-mail when he has been coupled with a new participant (issue 15): when that e-mail
-- went out. The couplings there were before are taken as told. Written for both H2 and PostgreSQL.

ALTER TABLE coupling ADD COLUMN mentor_told_at TIMESTAMP WITH TIME ZONE;

UPDATE coupling SET mentor_told_at = COALESCE(started_at, reserved_at);
