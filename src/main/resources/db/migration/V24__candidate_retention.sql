-- A candidate who did not become a mentor is erased a year after the onboarding ended (erasure/CandidateErasure):
-- the date they have been sober since is health data with no purpose left, so it may be empty.
-- Written for both H2 and PostgreSQL.

ALTER TABLE mentor_candidate ALTER COLUMN sober_since DROP NOT NULL;

ALTER TABLE retention_run ADD COLUMN candidates_erased INT DEFAULT 0 NOT NULL;
