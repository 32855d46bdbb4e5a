-- Indexes for national scale (issue #5, bench/run.sh):
-- - a referral finds its enrolment (the referral page and every enrolment view) without a scan;
-- - the due work ("Att göra") of one member of staff or one unit reads only the
--   enrolments that still need something: active, or exited with the final document unsent.
CREATE INDEX enrolment_referral ON enrolment(referral_id);
CREATE INDEX enrolment_staff_open ON enrolment(staff_id) WHERE exit_date IS NULL OR final_report_sent_on IS NULL;
CREATE INDEX enrolment_unit_open ON enrolment(unit_id) WHERE exit_date IS NULL OR final_report_sent_on IS NULL;
