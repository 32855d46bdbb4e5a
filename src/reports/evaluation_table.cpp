#include "reports/evaluation_table.hpp"

#include "domain/vocabulary.hpp"

namespace stegvis::reports {
namespace {

std::string joined(const std::vector<std::string>& codes) {
  std::string out;
  for (const auto& c : codes) out += (out.empty() ? "" : ",") + c;
  return out;
}

TableCell text(const std::string& s) { return s.empty() ? TableCell::none() : TableCell::of_text(s); }
TableCell number(const std::optional<double>& v) { return v ? TableCell::number(*v) : TableCell::none(); }

std::optional<double> goal(const EvaluationFacts& f, const std::string& phase, const std::string& area) {
  for (const auto& g : f.goal_ratings)
    if (g.phase == phase && g.area == area) return g.rating;
  return std::nullopt;
}

}  // namespace

const std::vector<std::string>& evaluation_columns() {
  static const std::vector<std::string> columns = [] {
    std::vector<std::string> c = {"pseudonym",         "unit",          "municipality",     "track",
                                  "gender",            "age_at_start",  "age_band",         "start_date",
                                  "income_sources",    "support_duration", "education",     "occupation_before",
                                  "exit_date",         "outcome",       "income_sources_after", "occupation_after",
                                  "days_in_programme", "ors_first",     "ors_latest",       "srs_first",
                                  "srs_latest"};
    for (const auto& area : goal_areas()) c.push_back("goal_start_" + area.code);
    for (const auto& area : goal_areas()) c.push_back("goal_exit_" + area.code);
    return c;
  }();
  return columns;
}

ReportTable evaluation_table(const std::vector<EvaluationFacts>& facts, const Date& to) {
  ReportTable t;
  t.title = "Utvärderingsunderlag";
  t.sheet = "Utvärdering";
  t.headings = evaluation_columns();
  for (const auto& f : facts) {
    bool exited = exited_by(f, to);
    auto start = parse_date(f.start_date);
    int age = start ? age_at_start(f.birth_year, *start) : 0;
    std::vector<TableCell> row = {
        text(f.pseudonym),
        text(f.unit),
        text(f.municipality),
        text(f.track),
        text(f.gender),
        start ? TableCell::number(age) : TableCell::none(),
        start ? text(age_band(age)) : TableCell::none(),
        text(f.start_date),
        text(joined(f.income_before)),
        text(f.support_duration),
        text(f.education),
        text(f.occupation_before),
        exited ? text(f.exit_date) : TableCell::none(),
        exited ? text(f.outcome) : TableCell::none(),
        exited ? text(joined(f.income_after)) : TableCell::none(),
        exited ? text(f.occupation_after) : TableCell::none(),
        number(days_in_programme(f, to)),
        number(f.ors_first),
        number(f.ors_latest),
        number(f.srs_first),
        number(f.srs_latest),
    };
    for (const auto& area : goal_areas()) row.push_back(number(goal(f, "start", area.code)));
    for (const auto& area : goal_areas())
      row.push_back(exited ? number(goal(f, "exit", area.code)) : TableCell::none());
    t.rows.push_back(std::move(row));
  }
  return t;
}

}  // namespace stegvis::reports
