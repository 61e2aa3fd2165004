-- The joint assessment (report 001, ch. 4): the referring municipality's counsellors give their view, the
-- coordinator decides, and both are kept: the codes with the referral (the reports and the anonymous record count
-- them), the view's words and who gave it with the referral's details (erased with the person).
-- Written for both H2 and PostgreSQL.

ALTER TABLE referral ADD COLUMN municipality_view VARCHAR(10);
ALTER TABLE referral ADD COLUMN municipality_view_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE referral ADD COLUMN assessment VARCHAR(10);
ALTER TABLE referral ADD COLUMN assessed_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE referral ADD CONSTRAINT referral_municipality_view_known
  CHECK (municipality_view IS NULL OR municipality_view IN ('offer', 'waitList', 'decline', 'none'));
ALTER TABLE referral ADD CONSTRAINT referral_assessment_known
  CHECK (assessment IS NULL OR assessment IN ('offer', 'waitList', 'decline'));

ALTER TABLE referral_detail ADD COLUMN municipality_view_note VARCHAR(2000);
ALTER TABLE referral_detail ADD COLUMN municipality_view_by VARCHAR(200);
