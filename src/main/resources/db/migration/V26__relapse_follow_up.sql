-- After a relapse the criteria for mentors apply again (plan 000 app. 2): the adviser's follow-up records the day
-- since which the mentor is sober again, when it was decided, by whom, and that A-larm's internal routine for
-- relapses was followed; the return checks the two years from that day. Written for both H2 and PostgreSQL.

ALTER TABLE mentor_pause ADD COLUMN sober_since DATE;
ALTER TABLE mentor_pause ADD COLUMN followed_up_on DATE;
ALTER TABLE mentor_pause ADD COLUMN followed_up_by VARCHAR(64);
ALTER TABLE mentor_pause ADD COLUMN internal_routine_followed BOOLEAN;
