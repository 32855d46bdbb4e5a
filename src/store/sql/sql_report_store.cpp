// The facts of a period report come in six set-based queries over the
// enrolments of the programme that overlap the period (enrolments, first plan,
// follow-ups, first and latest ratings, goal ratings, lasting effects), each fetched in bulk.
// The figures themselves are computed by the pure engine (domain/period_report).
#include "store/sql/sql_report_store.hpp"

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

constexpr const char* kFirstPlans =
    "SELECT pv.enrolment_id, MIN(pv.saved_at) FROM plan_version pv JOIN enrolment e ON e.id = pv.enrolment_id "
    "WHERE" /* scope */;
constexpr const char* kFirstPlansTail = " GROUP BY pv.enrolment_id";

constexpr const char* kFollowUps =
    "SELECT fu.enrolment_id, fu.follow_up_date FROM follow_up fu JOIN enrolment e ON e.id = fu.enrolment_id WHERE";
constexpr const char* kFollowUpsTail = " ORDER BY fu.enrolment_id, fu.follow_up_date";

// First (rn = 1) and latest (rn = n) rating per enrolment and scale.
constexpr const char* kRatingsHead =
    "SELECT x.enrolment_id, x.scale, x.n, x.rn, x.total FROM (SELECT r.enrolment_id, r.scale, r.total, "
    "ROW_NUMBER() OVER (PARTITION BY r.enrolment_id, r.scale ORDER BY r.rating_date, r.id) AS rn, "
    "COUNT(*) OVER (PARTITION BY r.enrolment_id, r.scale) AS n "
    "FROM rating r JOIN enrolment e ON e.id = r.enrolment_id WHERE";
constexpr const char* kRatingsTail = ") x WHERE x.rn = 1 OR x.rn = x.n";

// Lasting effect after exit (migration 011): one row per check recorded.
constexpr const char* kLasting =
    "SELECT l.enrolment_id, l.months, l.status FROM lasting_effect l JOIN enrolment e ON e.id = l.enrolment_id WHERE";

constexpr const char* kGoals =
    "SELECT g.enrolment_id, g.phase, g.area, g.rating FROM goal_rating g JOIN enrolment e ON e.id = g.enrolment_id "
    "WHERE";


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

  {
    std::vector<long long> id(kBatch), saved(kBatch);
    soci::statement st = (sql_.prepare << std::string(kFirstPlans) + kScope + kFirstPlansTail, soci::use(p, "p"),
                          soci::use(t, "t"), soci::use(f, "f"), soci::into(id), soci::into(saved));
    st.execute();
    while (st.fetch()) {
      // saved_at is unix seconds: its UTC day is the plan's date.
      for (std::size_t i = 0; i < id.size(); ++i)
        if (auto it = at.find(id[i]); it != at.end())
          out[it->second].first_plan = add_days(Date{1970, 1, 1}, static_cast<int>(saved[i] / 86400));
      id.resize(kBatch);
      saved.resize(kBatch);
    }
  }
  {
    std::vector<long long> id(kBatch);
    std::vector<std::string> day(kBatch);
    soci::statement st = (sql_.prepare << std::string(kFollowUps) + kScope + kFollowUpsTail, soci::use(p, "p"),
                          soci::use(t, "t"), soci::use(f, "f"), soci::into(id), soci::into(day));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < id.size(); ++i)
        if (auto it = at.find(id[i]); it != at.end())
          if (auto d = parse_date(day[i])) out[it->second].follow_ups.push_back(*d);
      id.resize(kBatch);
      day.resize(kBatch);
    }
  }
  {
    std::vector<long long> id(kBatch), n(kBatch), rn(kBatch), total(kBatch);
    std::vector<std::string> scale(kBatch);
    soci::statement st = (sql_.prepare << std::string(kRatingsHead) + kScope + kRatingsTail, soci::use(p, "p"),
                          soci::use(t, "t"), soci::use(f, "f"), soci::into(id), soci::into(scale), soci::into(n),
                          soci::into(rn), soci::into(total));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < id.size(); ++i) {
        auto it = at.find(id[i]);
        if (it == at.end()) continue;
        RatingSpan& r = scale[i] == "ORS" ? out[it->second].ors : out[it->second].srs;
        r.count = static_cast<int>(n[i]);
        if (rn[i] == 1) r.first = static_cast<int>(total[i]);
        if (rn[i] == n[i]) r.latest = static_cast<int>(total[i]);
      }
      for (auto* v : {&id, &n, &rn, &total}) v->resize(kBatch);
      scale.resize(kBatch);
    }
  }
  {
    std::vector<long long> id(kBatch), rating(kBatch);
    std::vector<std::string> phase(kBatch), area(kBatch);
    soci::statement st = (sql_.prepare << std::string(kGoals) + kScope, soci::use(p, "p"), soci::use(t, "t"),
                          soci::use(f, "f"), soci::into(id), soci::into(phase), soci::into(area), soci::into(rating));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < id.size(); ++i) {
        auto it = at.find(id[i]);
        if (it == at.end()) continue;
        GoalSpan& g = out[it->second].goals[area[i]];
        (phase[i] == "exit" ? g.exit : g.start) = static_cast<int>(rating[i]);
      }
      for (auto* v : {&id, &rating}) v->resize(kBatch);
      phase.resize(kBatch);
      area.resize(kBatch);
    }
  }
  {
    std::vector<long long> id(kBatch), months(kBatch);
    std::vector<std::string> status(kBatch);
    soci::statement st = (sql_.prepare << std::string(kLasting) + kScope, soci::use(p, "p"), soci::use(t, "t"),
                          soci::use(f, "f"), soci::into(id), soci::into(months), soci::into(status));
    st.execute();
    while (st.fetch()) {
      for (std::size_t i = 0; i < id.size(); ++i)
        if (auto it = at.find(id[i]); it != at.end()) out[it->second].lasting[static_cast<int>(months[i])] = status[i];
      for (auto* v : {&id, &months}) v->resize(kBatch);
      status.resize(kBatch);
    }
  }
  return out;
}

}  // namespace stegvis::store::sql
