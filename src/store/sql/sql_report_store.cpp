// The facts of a period report come in two statements over the enrolments of
// the programme that overlap the period: the enrolments themselves, then every
// fact hung on them (first plan, follow-ups, ratings, goal ratings, lasting
// effects) as one UNION ALL keyed by the first statement's ids. Two round
// trips and one search of the scope instead of six; the first and latest rating
// are picked in C++ from the rows as they come, so nothing is sorted.
// The figures themselves are computed by the pure engine (domain/period_report).
#include "store/sql/sql_report_store.hpp"

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {

constexpr std::size_t kBatch = 5000;

// The enrolments in scope: the programme's, enrolled on a day of [:f, :t].
constexpr const char* kScope =
    " e.programme_id = :p AND e.start_date <= :t AND (e.exit_date IS NULL OR e.exit_date >= :f) ";

constexpr const char* kEnrolments =
    "SELECT e.id, e.unit_id, e.municipality_id, tr.code, e.gender, e.birth_year, e.start_date, e.exit_date, "
    "e.outcome, e.income_before, e.income_after, e.final_report_sent_on, e.staff_id "
    "FROM enrolment e JOIN track tr ON tr.id = e.track_id WHERE";

// Every fact of the scope's enrolments as (enrolment, kind, number, id, text):
// kind 0 first plan (saved_at), 1 follow-up (date), 2/3 ORS/SRS rating (total,
// rating id, date), 4/5 goal rating at start/exit (rating, area), 6 lasting
// effect (months, status; migration 011).
enum FactKind { kPlan = 0, kFollowUp = 1, kOrs = 2, kSrs = 3, kGoalStart = 4, kGoalExit = 5, kLasting = 6 };

// The scope is the ids the first statement returned, passed back as one text
// parameter, so the enrolments are not searched a second time: in PostgreSQL
// an array each branch probes its index with (= ANY of an InitPlan: an
// index-only scan per table, never a hash of the whole table), in SQLite a
// JSON array the branches look up one by one.
std::string facts_sql(bool postgresql) {
  const std::string head = postgresql ? "WITH a AS (SELECT CAST(:ids AS BIGINT[]) AS v) "
                                      : "WITH s AS MATERIALIZED (SELECT value AS id FROM json_each(:ids)) ";
  const std::string in = postgresql ? " = ANY(CAST((SELECT v FROM a) AS BIGINT[]))" : " IN (SELECT id FROM s)";
  return head + "SELECT pv.enrolment_id, 0, MIN(pv.saved_at), 0, '' FROM plan_version pv WHERE pv.enrolment_id" + in +
         " GROUP BY pv.enrolment_id "
         "UNION ALL SELECT fu.enrolment_id, 1, 0, 0, fu.follow_up_date FROM follow_up fu WHERE fu.enrolment_id" + in +
         " UNION ALL SELECT r.enrolment_id, CASE WHEN r.scale = 'ORS' THEN 2 ELSE 3 END, r.total, r.id, r.rating_date "
         "FROM rating r WHERE r.enrolment_id" + in +
         " UNION ALL SELECT g.enrolment_id, CASE WHEN g.phase = 'exit' THEN 5 ELSE 4 END, g.rating, 0, g.area "
         "FROM goal_rating g WHERE g.enrolment_id" + in +
         " UNION ALL SELECT l.enrolment_id, 6, l.months, 0, l.status FROM lasting_effect l WHERE l.enrolment_id" + in;
}

// Where the first and latest rating of one scale sit in (rating_date, id) order.
struct RatingEnds {
  std::string first_date, latest_date;
  long long first_id = 0, latest_id = 0;
};

void add_rating(RatingSpan& r, RatingEnds& ends, int total, long long id, const std::string& date) {
  auto before = [](const std::string& d1, long long i1, const std::string& d2, long long i2) {
    return d1 < d2 || (d1 == d2 && i1 < i2);
  };
  if (r.count == 0 || before(date, id, ends.first_date, ends.first_id)) {
    r.first = total;
    ends.first_date = date;
    ends.first_id = id;
  }
  if (r.count == 0 || before(ends.latest_date, ends.latest_id, date, id)) {
    r.latest = total;
    ends.latest_date = date;
    ends.latest_id = id;
  }
  ++r.count;
}

Date date_or_epoch(const std::string& s) { return parse_date(s).value_or(Date{}); }

}  // namespace

std::vector<Target> SqlReportStore::load_targets(soci::rowset<soci::row>& rs) {
  std::vector<Target> out;
  for (const auto& r : rs) {
    Target t;
    t.id = col_int(r, 0);
    t.programme_id = col_int(r, 1);
    t.name = col_str(r, 2);
    t.population = col_str(r, 3);
    t.condition = col_str(r, 4);
    t.parameter = col_str(r, 5);
    t.comparison = col_str(r, 6);
    t.threshold_pct = static_cast<int>(col_int(r, 7));
    t.position = static_cast<int>(col_int(r, 8));
    out.push_back(std::move(t));
  }
  return out;
}

std::vector<Target> SqlReportStore::targets(Id programme_id) {
  long long p = programme_id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, programme_id, name, population, condition, parameter, comparison, threshold_pct, "
                       "position FROM programme_target WHERE programme_id = :p ORDER BY position, id",
       soci::use(p));
  return load_targets(rs);
}

std::optional<Target> SqlReportStore::target(Id id) {
  long long i = id;
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id, programme_id, name, population, condition, parameter, comparison, threshold_pct, "
                       "position FROM programme_target WHERE id = :i",
       soci::use(i));
  auto v = load_targets(rs);
  if (v.empty()) return std::nullopt;
  return v.front();
}

Id SqlReportStore::save_target(const Target& t, std::int64_t now) {
  long long p = t.programme_id, pct = t.threshold_pct, pos = t.position, at = now;
  if (t.id != 0) {
    long long id = t.id;
    sql_ << "UPDATE programme_target SET name = :n, population = :po, condition = :c, parameter = :pa, "
            "comparison = :cmp, threshold_pct = :pct, position = :pos WHERE id = :id",
        soci::use(t.name), soci::use(t.population), soci::use(t.condition), soci::use(t.parameter),
        soci::use(t.comparison), soci::use(pct), soci::use(pos), soci::use(id);
    return t.id;
  }
  long long id = 0;
  sql_ << "INSERT INTO programme_target (programme_id, name, population, condition, parameter, comparison, "
          "threshold_pct, position, created_at) VALUES (:p, :n, :po, :c, :pa, :cmp, :pct, :pos, :at) RETURNING id",
      soci::use(p), soci::use(t.name), soci::use(t.population), soci::use(t.condition), soci::use(t.parameter),
      soci::use(t.comparison), soci::use(pct), soci::use(pos), soci::use(at), soci::into(id);
  return id;
}

void SqlReportStore::delete_target(Id id) {
  long long i = id;
  sql_ << "DELETE FROM programme_target WHERE id = :i", soci::use(i);
}

bool SqlReportStore::suppress_small_cells(Id programme_id) {
  long long p = programme_id, on = 1;
  soci::indicator ind = soci::i_ok;
  sql_ << "SELECT suppress_small_cells FROM programme WHERE id = :p", soci::use(p), soci::into(on, ind);
  return !sql_.got_data() || ind == soci::i_null || on != 0;  // unknown: the safe side
}

void SqlReportStore::set_suppress_small_cells(Id programme_id, bool on) {
  long long p = programme_id, v = on ? 1 : 0;
  sql_ << "UPDATE programme SET suppress_small_cells = :v WHERE id = :p", soci::use(v), soci::use(p);
}

std::vector<EnrolmentFacts> SqlReportStore::facts(Id programme_id, const std::string& from, const std::string& to) {
  long long p = programme_id;
  std::string f = from, t = to;
  std::vector<EnrolmentFacts> out;
  std::unordered_map<Id, std::size_t> at;

  {
    std::vector<long long> id(kBatch), unit(kBatch), mun(kBatch), born(kBatch), staff(kBatch);
    std::vector<std::string> track(kBatch), gender(kBatch), start(kBatch), exit(kBatch), outcome(kBatch),
        before(kBatch), after(kBatch), sent(kBatch);
    std::vector<soci::indicator> exit_ind(kBatch), sent_ind(kBatch), staff_ind(kBatch);
    soci::statement st =
        (sql_.prepare << std::string(kEnrolments) + kScope + "ORDER BY e.id", soci::use(p, "p"), soci::use(t, "t"),
         soci::use(f, "f"), soci::into(id), soci::into(unit), soci::into(mun), soci::into(track), soci::into(gender),
         soci::into(born), soci::into(start), soci::into(exit, exit_ind), soci::into(outcome), soci::into(before),
         soci::into(after), soci::into(sent, sent_ind), soci::into(staff, staff_ind));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < id.size(); ++i) {
        EnrolmentFacts x;
        x.enrolment_id = id[i];
        x.unit_id = unit[i];
        x.municipality_id = mun[i];
        x.track = track[i];
        x.gender = gender[i];
        x.birth_year = static_cast<int>(born[i]);
        x.start = date_or_epoch(start[i]);
        if (exit_ind[i] == soci::i_ok) x.exit = parse_date(exit[i]);
        x.outcome = outcome[i];
        x.income_before = split_list(before[i]);
        x.income_after = split_list(after[i]);
        if (sent_ind[i] == soci::i_ok) x.final_report_sent = parse_date(sent[i]);
        if (staff_ind[i] == soci::i_ok) x.staff_id = staff[i];
        at[x.enrolment_id] = out.size();
        out.push_back(std::move(x));
      }
      for (auto* v : {&id, &unit, &mun, &born, &staff}) v->resize(kBatch);
      for (auto* v : {&track, &gender, &start, &exit, &outcome, &before, &after, &sent}) v->resize(kBatch);
      for (auto* v : {&exit_ind, &sent_ind, &staff_ind}) v->resize(kBatch);
    }
  }
  if (out.empty()) return out;

  const bool postgresql = sql_.get_backend_name() == "postgresql";
  std::string ids(1, postgresql ? '{' : '[');
  for (const auto& x : out) {
    if (ids.size() > 1) ids += ',';
    ids += std::to_string(x.enrolment_id);
  }
  ids += postgresql ? '}' : ']';
  std::vector<RatingEnds> ends(out.size() * 2);  // ORS then SRS of each enrolment
  std::vector<long long> id(kBatch), kind(kBatch), num(kBatch), rid(kBatch);
  std::vector<std::string> text(kBatch);
  soci::statement st =
      (sql_.prepare << facts_sql(postgresql),
       soci::use(ids, "ids"), soci::into(id), soci::into(kind), soci::into(num), soci::into(rid), soci::into(text));
  st.execute();
  while (st.fetch()) {
    for (std::size_t i = 0; i < id.size(); ++i) {
      auto it = at.find(id[i]);
      if (it == at.end()) continue;
      EnrolmentFacts& x = out[it->second];
      switch (kind[i]) {
        case kPlan:  // saved_at is unix seconds: its UTC day is the plan's date.
          x.first_plan = add_days(Date{1970, 1, 1}, static_cast<int>(num[i] / 86400));
          break;
        case kFollowUp:
          if (auto d = parse_date(text[i])) x.follow_ups.push_back(*d);
          break;
        case kOrs:
          add_rating(x.ors, ends[it->second * 2], static_cast<int>(num[i]), rid[i], text[i]);
          break;
        case kSrs:
          add_rating(x.srs, ends[it->second * 2 + 1], static_cast<int>(num[i]), rid[i], text[i]);
          break;
        case kGoalStart:
          x.goals[text[i]].start = static_cast<int>(num[i]);
          break;
        case kGoalExit:
          x.goals[text[i]].exit = static_cast<int>(num[i]);
          break;
        case kLasting:
          x.lasting[static_cast<int>(num[i])] = text[i];
          break;
        default:
          break;
      }
    }
    for (auto* v : {&id, &kind, &num, &rid}) v->resize(kBatch);
    text.resize(kBatch);
  }
  for (auto& x : out)
    if (x.follow_ups.size() > 1) std::sort(x.follow_ups.begin(), x.follow_ups.end());
  return out;
}

}  // namespace stegvis::store::sql
