-- The evaluation questionnaire (plan 000, appendix 3): twelve scores 1-10 and a comment per respondent and journey.
CREATE TABLE evaluation_answer (
  referral_reference VARCHAR(20) NOT NULL REFERENCES referral (reference),
  respondent         VARCHAR(20) NOT NULL,
  q1 INT NOT NULL, q2 INT NOT NULL, q3 INT NOT NULL, q4 INT NOT NULL, q5 INT NOT NULL, q6 INT NOT NULL,
  q7 INT NOT NULL, q8 INT NOT NULL, q9 INT NOT NULL, q10 INT NOT NULL, q11 INT NOT NULL, q12 INT NOT NULL,
  answer_comment     VARCHAR(2000),
  answered_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (referral_reference, respondent),
  CONSTRAINT evaluation_respondent_known CHECK (respondent IN ('participant', 'mentor', 'counsellor')),
  CONSTRAINT evaluation_scores CHECK (q1 BETWEEN 1 AND 10 AND q2 BETWEEN 1 AND 10 AND q3 BETWEEN 1 AND 10
    AND q4 BETWEEN 1 AND 10 AND q5 BETWEEN 1 AND 10 AND q6 BETWEEN 1 AND 10 AND q7 BETWEEN 1 AND 10
    AND q8 BETWEEN 1 AND 10 AND q9 BETWEEN 1 AND 10 AND q10 BETWEEN 1 AND 10 AND q11 BETWEEN 1 AND 10
    AND q12 BETWEEN 1 AND 10)
);
