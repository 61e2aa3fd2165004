-- A mentor who left, and a Portalen co-worker who left, are erased when the retention time after leaving is over
-- (erasure/FormerMentorErasure, erasure/CoworkerErasure): the register keeps when a mentor left, and whether the
-- entry has been erased, so that the nightly pass finds them. Written for both H2 and PostgreSQL.

ALTER TABLE mentor ADD COLUMN left_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE mentor ADD COLUMN erased BOOLEAN DEFAULT FALSE NOT NULL;

-- mentors who left before this migration: after a relapse (the pause's end), or a candidate's onboarding's end
UPDATE mentor SET left_at = (SELECT MAX(p.ended_at) FROM mentor_pause p WHERE p.mentor_id = mentor.id
  AND p.outcome = 'LEFT') WHERE status = 'LEFT';
UPDATE mentor SET left_at = (SELECT c.ended_at FROM mentor_candidate c WHERE c.mentor_id = mentor.id)
  WHERE status = 'LEFT' AND left_at IS NULL;
UPDATE mentor SET left_at = created_at WHERE status = 'LEFT' AND left_at IS NULL;
UPDATE mentor SET erased = TRUE WHERE id IN (SELECT c.mentor_id FROM mentor_candidate c
  WHERE c.reference LIKE 'ANON-%');

ALTER TABLE retention_run ADD COLUMN mentors_erased INT DEFAULT 0 NOT NULL;
ALTER TABLE retention_run ADD COLUMN coworkers_erased INT DEFAULT 0 NOT NULL;
