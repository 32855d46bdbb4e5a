-- Indexes for the period report at national scale (issue #5, bench/report_bench.cpp):
-- the facts of a report probe each enrolment's plans, ratings and goal ratings
-- by enrolment id; with the values the report reads inside the index these are
-- index-only lookups instead of one heap page per row (plan_version rows are
-- wide: the sealed plan text). The period's exits of one programme (outcomes,
-- ratings and goals of those who left in the period; the enrolments active in
-- it are those not exited or exited on or after its first day) are a range of
-- (programme, exit date) rather than a skip over every unit. The hand-written
-- SQL of the benchmark reads the same rows and gains from these too.
CREATE INDEX plan_version_enrolment_saved ON plan_version(enrolment_id, saved_at);
DROP INDEX rating_enrolment;
CREATE INDEX rating_enrolment ON rating(enrolment_id, scale, rating_date, id, total);
CREATE INDEX goal_rating_enrolment_rating ON goal_rating(enrolment_id, phase, area, rating);
CREATE INDEX enrolment_programme_exit ON enrolment(programme_id, exit_date);
