// stegvis_report_bench: the year period report of every programme in a
// generated data set (stegvis bench-data), through the product's
// ReportService (access check, facts from the store, the pure engine, the
// audit entry: all on the measured path), and as hand-written SQL that
// computes the core figures per unit in the database, in the same session.
// The SQL's figures are checked against the product's, so the comparison is
// between two ways to the same numbers. Prints one "result:" line for bench/run.sh.
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <map>
#include <stdexcept>
#include <string>

#include "app/report_service.hpp"
#include "crypto/crypto.hpp"
#include "store/store.hpp"

namespace {

using namespace stegvis;
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

// The figures checked: per unit the counts, outcomes and plans within 30 days, and of the
// period's exits the ORS/SRS and goal-area figures (the engine's other figures, follow-up
// timeliness and times in the programme, are not part of the comparison).
// Per unit: active at the start, started, exited, active at the end, and starts with a plan within 30 days.
// Days since 1970 differ per dialect; everything else is the same statement.
std::string counts_sql(bool sqlite) {
  std::string start_day = sqlite ? "CAST(julianday(e.start_date) - 2440587.5 AS INTEGER)"
                                 : "(CAST(e.start_date AS DATE) - DATE '1970-01-01')";
  return "SELECT e.unit_id, "
         "SUM(CASE WHEN e.start_date < :f1 THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN e.start_date >= :f2 THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN e.exit_date <= :t1 THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN e.exit_date IS NULL OR e.exit_date > :t2 THEN 1 ELSE 0 END), "
         "SUM(CASE WHEN e.start_date >= :f3 AND p.first_day <= " + start_day + " + 30 THEN 1 ELSE 0 END) "
         "FROM enrolment e LEFT JOIN (SELECT pv.enrolment_id, MIN(pv.saved_at) / 86400 AS first_day "
         "  FROM plan_version pv JOIN enrolment x ON x.id = pv.enrolment_id "
         "  WHERE x.programme_id = :p1 AND x.start_date >= :f4 AND x.start_date <= :t3 GROUP BY pv.enrolment_id) p "
         "  ON p.enrolment_id = e.id "
         "WHERE e.programme_id = :p2 AND e.start_date <= :t4 AND (e.exit_date IS NULL OR e.exit_date >= :f5) "
         "GROUP BY e.unit_id";
}

constexpr const char* kOutcomesSql =
    "SELECT e.unit_id, e.outcome, COUNT(*) FROM enrolment e "
    "WHERE e.programme_id = :p AND e.exit_date >= :f AND e.exit_date <= :t GROUP BY e.unit_id, e.outcome";

// ORS/SRS of the period's exits per unit and scale: rated, sums of the first and latest totals,
// rated twice or more, reliable improvement (5 points), first below the cut-off.
constexpr const char* kRatingsSql =
    "SELECT y.unit_id, y.scale, COUNT(*), SUM(y.first_total), SUM(y.last_total), "
    "SUM(CASE WHEN y.n >= 2 THEN 1 ELSE 0 END), SUM(CASE WHEN y.n >= 2 AND y.last_total - y.first_total >= 50 "
    "THEN 1 ELSE 0 END), SUM(CASE WHEN y.first_total < CASE WHEN y.scale = 'ORS' THEN 250 ELSE 360 END THEN 1 ELSE 0 END) "
    "FROM (SELECT e.unit_id, r.scale, COUNT(*) OVER w AS n, "
    "  FIRST_VALUE(r.total) OVER w_ordered AS first_total, LAST_VALUE(r.total) OVER w_ordered AS last_total, "
    "  ROW_NUMBER() OVER (PARTITION BY r.enrolment_id, r.scale ORDER BY r.rating_date, r.id) AS rn "
    "  FROM enrolment e JOIN rating r ON r.enrolment_id = e.id "
    "  WHERE e.programme_id = :p AND e.exit_date >= :f AND e.exit_date <= :t "
    "  WINDOW w AS (PARTITION BY r.enrolment_id, r.scale), w_ordered AS (PARTITION BY r.enrolment_id, r.scale "
    "  ORDER BY r.rating_date, r.id ROWS BETWEEN UNBOUNDED PRECEDING AND UNBOUNDED FOLLOWING)) y "
    "WHERE y.rn = 1 GROUP BY y.unit_id, y.scale";

// Goal areas of the period's exits rated at start and exit: rated, sums, improved.
constexpr const char* kGoalsSql =
    "SELECT e.unit_id, s.area, COUNT(*), SUM(s.rating), SUM(x.rating), SUM(CASE WHEN x.rating > s.rating THEN 1 ELSE 0 END) "
    "FROM enrolment e JOIN goal_rating s ON s.enrolment_id = e.id AND s.phase = 'start' "
    "JOIN goal_rating x ON x.enrolment_id = e.id AND x.phase = 'exit' AND x.area = s.area "
    "WHERE e.programme_id = :p AND e.exit_date >= :f AND e.exit_date <= :t AND s.rating > 0 AND x.rating > 0 "
    "GROUP BY e.unit_id, s.area";

struct UnitFigures {
  long long active_at_start = 0, started = 0, exited = 0, active_at_end = 0, plan_within_30 = 0;
  std::map<std::string, long long> outcomes;
  // scale or goal area → {rated, first/start sum, latest/exit sum, rated twice, improved, below cut-off}
  std::map<std::string, std::vector<long long>> ratings, goals;
  bool operator==(const UnitFigures&) const = default;
};

std::map<long long, UnitFigures> hand_written(soci::session& s, bool sqlite, long long programme,
                                              const std::string& from, const std::string& to) {
  std::map<long long, UnitFigures> out;
  soci::rowset<soci::row> rs = (s.prepare << counts_sql(sqlite), soci::use(from, "f1"), soci::use(from, "f2"),
                                soci::use(to, "t1"), soci::use(to, "t2"), soci::use(from, "f3"),
                                soci::use(programme, "p1"), soci::use(from, "f4"), soci::use(to, "t3"),
                                soci::use(programme, "p2"), soci::use(to, "t4"), soci::use(from, "f5"));
  auto num = [](const soci::row& r, std::size_t i) -> long long {
    if (r.get_indicator(i) == soci::i_null) return 0;
    switch (r.get_properties(i).get_data_type()) {
      case soci::dt_integer: return r.get<int>(i);
      case soci::dt_long_long: return r.get<long long>(i);
      case soci::dt_unsigned_long_long: return static_cast<long long>(r.get<unsigned long long>(i));
      case soci::dt_double: return static_cast<long long>(r.get<double>(i));
      default: return std::stoll(r.get<std::string>(i));
    }
  };
  for (const auto& r : rs) {
    UnitFigures& u = out[num(r, 0)];
    u.active_at_start = num(r, 1);
    u.started = num(r, 2);
    u.exited = num(r, 3);
    u.active_at_end = num(r, 4);
    u.plan_within_30 = num(r, 5);
  }
  soci::rowset<soci::row> os =
      (s.prepare << kOutcomesSql, soci::use(programme, "p"), soci::use(from, "f"), soci::use(to, "t"));
  for (const auto& r : os) out[num(r, 0)].outcomes[r.get<std::string>(1)] = num(r, 2);
  soci::rowset<soci::row> rs2 =
      (s.prepare << kRatingsSql, soci::use(programme, "p"), soci::use(from, "f"), soci::use(to, "t"));
  for (const auto& r : rs2)
    out[num(r, 0)].ratings[r.get<std::string>(1)] = {num(r, 2), num(r, 3), num(r, 4), num(r, 5), num(r, 6), num(r, 7)};
  soci::rowset<soci::row> gs =
      (s.prepare << kGoalsSql, soci::use(programme, "p"), soci::use(from, "f"), soci::use(to, "t"));
  for (const auto& r : gs)
    out[num(r, 0)].goals[r.get<std::string>(1)] = {num(r, 2), num(r, 3), num(r, 4), num(r, 5)};
  return out;
}

std::map<long long, UnitFigures> product_figures(const PeriodReport& report) {
  std::map<long long, UnitFigures> out;
  for (const auto& g : report.groups) {
    if (g.active_at_start + g.started == 0) continue;  // the engine lists every unit, SQL only those with members
    UnitFigures& u = out[std::stoll(g.key)];
    u.active_at_start = g.active_at_start;
    u.started = g.started;
    u.exited = g.exited;
    u.active_at_end = g.active_at_end;
    u.plan_within_30 = g.plan_within_30.numerator;
    for (const auto& [code, n] : g.exits_by_outcome)
      if (n) u.outcomes[code] = n;
    // Means back to sums (the engine divides by the count; the totals are in tenths, the means in points).
    auto sum = [](std::optional<double> mean, int n, double unit) { return mean ? std::llround(*mean * n * unit) : 0LL; };
    for (const auto& [scale, a] : {std::pair<std::string, const RatingAggregate*>{"ORS", &g.ors}, {"SRS", &g.srs}})
      if (a->rated)
        u.ratings[scale] = {a->rated, sum(a->mean_first, a->rated, 10), sum(a->mean_latest, a->rated, 10),
                            a->reliable_improvement.denominator, a->reliable_improvement.numerator,
                            a->below_cutoff_first.numerator};
    for (const auto& [area, a] : g.goals)
      if (a.rated)
        u.goals[area] = {a.rated, sum(a.mean_start, a.rated, 1), sum(a.mean_exit, a.rated, 1), a.improved.numerator};
  }
  return out;
}

std::string arg(int argc, char** argv, const std::string& name, const std::string& fallback) {
  for (int i = 1; i + 1 < argc; ++i)
    if (argv[i] == name) return argv[i + 1];
  return fallback;
}

}  // namespace

int main(int argc, char** argv) {
  const std::string url = arg(argc, argv, "--db", "");
  const std::string key_file = arg(argc, argv, "--key-file", "");
  const std::string from = arg(argc, argv, "--from", "2025-01-01"), to = arg(argc, argv, "--to", "2025-12-31");
  if (url.empty() || key_file.empty()) {
    std::cerr << "usage: stegvis_report_bench --db URL --key-file FILE [--from YYYY-MM-DD --to YYYY-MM-DD]\n";
    return 2;
  }
  try {
    crypto::init();
    auto db = store::open_database(url, 2);
    db->set_field_key(crypto::load_or_create_key(key_file));
    app::Env env{*db, app::system_now, {}};
    app::ReportService reports(env);
    app::Actor admin;
    std::vector<Id> programmes;
    {
      auto tx = db->begin(false);
      auto who = tx->staff().by_username("bench.admin");
      if (!who) throw std::runtime_error("no bench.admin: run stegvis bench-data first");
      admin = app::Actor{who->id, who->username, who->name, who->roles, "127.0.0.1"};
      for (const auto& p : tx->organisation().programmes()) programmes.push_back(p.id);
    }
    // Every figure is compared with the hand-written SQL, so none may be hidden: small cells are
    // shown here as a samordnare sees the own unit (their protection is a pass over the figures
    // after they are counted, a few microseconds; domain/report_protection.cpp).
    for (Id id : programmes)
      if (auto off = reports.set_suppression(admin, id, false); !off)
        throw std::runtime_error("cannot show small cells: " + off.error().message);
    const bool sqlite = db->backend() == "sqlite";
    const soci::backend_factory& backend =
        sqlite ? static_cast<const soci::backend_factory&>(soci::sqlite3) : soci::postgresql;
    soci::session raw(backend,
                      sqlite ? "db=" + url.substr(7, url.find('?') == std::string::npos ? std::string::npos : url.find('?') - 7)
                             : store::postgresql_keywords(url));

    // One warm-up round, then the measured one; each report once by the product and once by hand.
    double product_total = 0, sql_total = 0, product_max = 0, sql_max = 0;
    long long enrolments = 0;
    for (int round = 0; round < 2; ++round) {
      product_total = sql_total = product_max = sql_max = 0;
      enrolments = 0;
      for (Id id : programmes) {
        app::PeriodReportRequest req;
        req.programme_id = id;
        req.from = from;
        req.to = to;
        auto t0 = Clock::now();
        auto r = reports.period_report(admin, req);
        double p_ms = ms_since(t0);
        if (!r) throw std::runtime_error("ReportService: " + r.error().message);
        t0 = Clock::now();
        auto by_hand = hand_written(raw, sqlite, id, from, to);
        double s_ms = ms_since(t0);
        if (by_hand != product_figures(r->report)) {
          std::cerr << "programme " << id << ": the hand-written SQL and ReportService disagree\n";
          return 1;
        }
        product_total += p_ms;
        sql_total += s_ms;
        product_max = std::max(product_max, p_ms);
        sql_max = std::max(sql_max, s_ms);
        enrolments += r->report.total.active_at_start + r->report.total.started;
      }
    }
    const double n = static_cast<double>(programmes.size());
    std::printf("%zu programmes, period %s..%s, %lld enrolments in the reports, figures equal\n", programmes.size(),
                from.c_str(), to.c_str(), enrolments);
    std::printf("ReportService: %.1f ms in all, %.1f ms a report on average, %.1f ms the slowest\n", product_total,
                product_total / n, product_max);
    std::printf("hand-written SQL: %.1f ms in all, %.1f ms a report on average, %.1f ms the slowest\n", sql_total,
                sql_total / n, sql_max);
    std::printf("result: product_ms=%.1f sql_ms=%.1f ratio=%.2f product_max_ms=%.1f programmes=%zu\n",
                product_total / n, sql_total / n, product_total / sql_total, product_max, programmes.size());
  } catch (const std::exception& e) {
    std::cerr << "stegvis_report_bench: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
