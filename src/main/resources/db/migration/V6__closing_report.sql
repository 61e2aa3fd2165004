-- The closing report to the municipality, as the PDF that was produced, kept with the case.
CREATE TABLE closing_report (
  referral_reference VARCHAR(20) PRIMARY KEY REFERENCES referral (reference),
  pdf                ${binaryType} NOT NULL,
  produced_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  produced_by        VARCHAR(64)
);
