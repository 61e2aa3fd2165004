-- The figures of the project plan (000 §7, §9): how treatment in TSB ended (completed or broken off; drop-out is
-- counted from the coupling until it ends), and the participant's experienced quality of life (1-10) with the
-- evaluation. Written for both H2 and PostgreSQL.

ALTER TABLE referral ADD COLUMN tsb_outcome VARCHAR(10);
ALTER TABLE referral ADD CONSTRAINT referral_tsb_outcome_known
  CHECK (tsb_outcome IS NULL OR tsb_outcome IN ('completed', 'brokenOff'));

ALTER TABLE evaluation_answer ADD COLUMN quality_of_life INT;
ALTER TABLE evaluation_answer ADD CONSTRAINT evaluation_quality_of_life
  CHECK (quality_of_life IS NULL OR quality_of_life BETWEEN 1 AND 10);
