-- Retention (gallring) asks, for every person, whether they have a referral that is
-- still open or recent. Without this index that was a scan of every referral per
-- person: at national scale (a million of each) the daily purge never finished.
CREATE INDEX referral_person ON referral(person_id);
