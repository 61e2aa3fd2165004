-- The coordinator and each mentor in follow-up are in contact at least once a week (report 001, ch. 4: "skal ha
-- kontakt minst en gang per uke"): one row per mentor and week, from the mentor's weekly logs, and when the
-- Wednesday watch raised a follow-up for a week without contact, and who followed it up.
-- Written for both H2 and PostgreSQL.

CREATE TABLE mentor_coordinator_week (
  mentor_id           BIGINT  NOT NULL REFERENCES mentor (id),
  week_start          DATE    NOT NULL,
  had_contact         BOOLEAN NOT NULL,
  recorded_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  follow_up_raised_at TIMESTAMP WITH TIME ZONE,
  followed_up_at      TIMESTAMP WITH TIME ZONE,
  followed_up_by      VARCHAR(64),
  follow_up_note      VARCHAR(1000),
  PRIMARY KEY (mentor_id, week_start)
);
