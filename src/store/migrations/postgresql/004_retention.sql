-- Retention (gallring, issue #5): the day an enrolment's or a referral's
-- identifying free text was erased. NULL until then; the anonymous statistics
-- (gender, birth year, dates, outcome, income sources, ratings) stay.
ALTER TABLE enrolment ADD COLUMN purged_on TEXT;
ALTER TABLE referral ADD COLUMN purged_on TEXT;
CREATE INDEX enrolment_exit_purge ON enrolment(exit_date, purged_on);
