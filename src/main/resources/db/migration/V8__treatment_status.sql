-- Specialist addiction treatment (TSB): drop-out is counted from coupling until the treatment ends (plan 000 §7).
ALTER TABLE referral ADD COLUMN tsb_started_on DATE;
ALTER TABLE referral ADD COLUMN tsb_ended_on DATE;
