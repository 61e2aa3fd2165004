-- The follow-up calendar (FollowUpCalendar): each week opened for a coupling's weekly log, once. The key makes a
-- second opening of the same week fail, whichever node or pass tries it.
CREATE TABLE contact_week (
  coupling_id BIGINT      NOT NULL REFERENCES coupling (id),
  week_start  DATE        NOT NULL,
  week_end    DATE        NOT NULL,
  opened_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (coupling_id, week_start),
  CONSTRAINT contact_week_in_order CHECK (week_start <= week_end)
);

-- Check-ins with the participant opened so far, one every eight weeks of follow-up.
ALTER TABLE referral ADD COLUMN check_ins_opened INT NOT NULL DEFAULT 0;

-- The calendar finds the start of each journey's follow-up among its couplings; so do the reports.
CREATE INDEX coupling_by_referral ON coupling (referral_reference, started_at);
