-- When a referral first came to matching (after the information meeting, or when a wait-listed referral got its
-- place). With received_at and the coupling's start it splits the time to a mentor into the service's own steps
-- (assessment and the information meeting) and the wait for a mentor who fits and has a free slot.
ALTER TABLE referral ADD COLUMN matching_since TIMESTAMP WITH TIME ZONE;
-- Referrals already in matching when this came in have none until they come to matching again; the steering group's
-- time to a mentor leaves them out rather than guess.
