-- The evaluation report from the mentors and the counsellors, by 1 December (plan 000 §12: "Levere
-- evalueringsrapport fra likemennene og ruskonsulenter senest 1. desember"), a report kind of its own beside the
-- half-year and the results reports. Written for both H2 and PostgreSQL.

ALTER TABLE steering_report DROP CONSTRAINT steering_report_kind_known;
ALTER TABLE steering_report ADD CONSTRAINT steering_report_kind_known
  CHECK (report_kind IN ('halfYear', 'yearResults', 'evaluation'));
