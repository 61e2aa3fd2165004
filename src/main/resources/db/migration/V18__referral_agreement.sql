-- What the coupling meeting agreed with the participant (ADR 9): the goals and the participant's own rules for the
-- follow-up. Kept here, keyed by the reference, and put on the tasks that show it (the mentor's weekly logs, bringing
-- the participant back); never a variable of the journey.
CREATE TABLE referral_agreement (
  reference                 VARCHAR(20)   PRIMARY KEY REFERENCES referral (reference),
  goals                     VARCHAR(2000),
  home_visits_allowed       VARCHAR(3),
  contact_relatives_allowed VARCHAR(3),
  other_follow_up_rules     VARCHAR(1000),
  agreed_at                 TIMESTAMP WITH TIME ZONE NOT NULL
);
