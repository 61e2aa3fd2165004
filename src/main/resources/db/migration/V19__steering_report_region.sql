-- A report to the steering group is its region's (ADR 9): its figures count that region, and only that region's
-- steering group and project leaders read it. Null: every region's (the administrator's, and reports made before).
ALTER TABLE steering_report ADD COLUMN region VARCHAR(40);
