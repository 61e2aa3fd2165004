-- The daily e-mail about waiting tasks: one row per user and day it was sent, so no user gets it twice a day.
-- Counts only; the e-mail names no task, participant or mentor.
CREATE TABLE task_digest (
  user_id     VARCHAR(64) NOT NULL,
  digest_date DATE        NOT NULL,
  task_count  INT         NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (user_id, digest_date)
);
