-- The referral's own words and who referred (ADR 9): kept here, keyed by the reference, and put on the coordinators'
-- tasks that show them when each task is created; never a variable of the journey, which every task of the journey
-- could read. One row per referral.
CREATE TABLE referral_detail (
  reference          VARCHAR(20)   PRIMARY KEY REFERENCES referral (reference),
  substance_history  VARCHAR(1000),
  future_wishes      VARCHAR(1000),
  counsellor_name    VARCHAR(200),
  counsellor_contact VARCHAR(254)
);
