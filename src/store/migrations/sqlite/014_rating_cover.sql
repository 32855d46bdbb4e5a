-- Every caseload and participant page asks for the ORS/SRS ratings of its enrolments,
-- whole rows for the latest rating's items. With the rows' columns in the index the
-- answer comes from the index alone, without a look-up in the table for each rating.
DROP INDEX rating_enrolment;
CREATE INDEX rating_enrolment ON rating(enrolment_id, scale, rating_date, id, total, item1, item2, item3, item4, staff_id);
