-- What matching compares beyond gender and age: the mentor's interests (shared with the participant's wishes).
ALTER TABLE mentor ADD COLUMN interests VARCHAR(1000);
