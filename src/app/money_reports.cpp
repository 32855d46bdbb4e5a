// The association-level money views: the national report (Uppföljning Finsam,
// domain.md §8) and the money part of a person's due work. Split from
// money_service.cpp, which holds the programme's budgets, costs and requisitions.
#include "app/audit.hpp"
#include "app/money_service.hpp"
#include "app/referral_service.hpp"

namespace stegvis::app {
namespace {

int year_of(const std::string& date) { return date.size() >= 4 ? std::stoi(date.substr(0, 4)) : 0; }

Error denied(Env& env, const Actor& a, const std::string& what) {
  record_standalone(env, a, "access.denied", "association", "", "ekonomi: " + what);
  return forbidden("Du har inte behörighet att " + what + ".");
}

}  // namespace

// ---- national report ----

Result<NationalReport> MoneyService::national_report(const Actor& actor, int year, const std::string& format) {
  if (!may_view_all(actor)) return denied(env_, actor, "ta fram den nationella uppföljningen");
  if (year < 1900 || year > 2200) return invalid("year", "\"year\" ska vara ett årtal, t.ex. 2024.");
  NationalReport out;
  out.year = year;
  const Date from{year, 1, 1}, to{year, 12, 31};
  const std::string y = std::to_string(year);
  {
    auto tx = env_.db.begin(false);
    for (const auto& p : tx->organisation().programmes()) {
      if (year < year_of(p.start_date) || (!p.end_date.empty() && year > year_of(p.end_date))) continue;
      NationalRow row;
      row.programme_id = p.id;
      row.name = p.name;
      for (const char* g : {"female", "male", "other", "total"}) row.participants[g];
      for (const auto& f : tx->reports().facts(p.id, y + "-01-01", y + "-12-31")) {
        for (const auto& g : {f.gender, std::string("total")}) {
          auto& c = row.participants[g];
          if (started_in(f, from, to)) ++c.new_in_year;
          if (exited_in(f, from, to)) ++c.exited;
          if (!f.exit || *f.exit > to) ++c.ongoing;
        }
      }
      // The programme's approved budget, else the sum of its units' approved ones.
      Ore units = 0;
      bool any_unit = false;
      for (const auto& b : tx->money().budgets_of_year(p.id, year)) {
        std::optional<Budget> approved = b.approved() ? std::optional<Budget>(b) : std::nullopt;
        if (!approved && b.version > 1) approved = tx->money().budget(p.id, b.unit_id, year, b.version - 1);
        if (!approved) continue;
        if (b.unit_id == 0) row.budget = approved->total();
        else { units += approved->total(); any_unit = true; }
      }
      if (!row.budget && any_unit) row.budget = units;
      row.costs = tx->money().cost_sum(p.id, year);
      out.programmes.push_back(std::move(row));
    }
  }
  record_standalone(env_, actor, format == "json" ? "national_report.view" : "national_report.export", "association",
                    "", "year " + y + ", format " + format);
  return out;
}

// ---- due work ----

std::vector<DueItem> money_due_work(store::Store& tx, const Actor& actor, const Date& today) {
  std::vector<DueItem> out;
  if (actor.has_role(Role::forbundschef) && today.month >= 10) {
    const int next = today.year + 1;
    const Date due{today.year, 11, 30};
    for (const auto& p : tx.organisation().programmes()) {
      if (year_of(p.start_date) > next || (!p.end_date.empty() && year_of(p.end_date) < next)) continue;
      auto b = tx.money().budget(p.id, 0, next, std::nullopt);
      bool approved = b && (b->approved() || (b->version > 1));  // a later draft keeps an approved version
      if (approved) continue;
      DueItem d;
      d.kind = "budget_not_approved";
      d.programme_id = p.id;
      d.label = p.name + " " + std::to_string(next);
      d.due = due;
      d.overdue = today > due;
      out.push_back(d);
    }
  }
  const bool ekonom = actor.has_role(Role::ekonom);
  bool samordnare = actor.has_role(Role::samordnare);
  if (!ekonom && !samordnare) return out;
  std::map<Id, std::string> unit_names;
  for (const auto& u : tx.organisation().units()) unit_names[u.id] = u.name;
  for (const auto& r : tx.money().unpaid_requisitions()) {
    if (!requisition_overdue(r, today)) continue;
    if (!ekonom && !actor.has_role_in_unit(Role::samordnare, r.unit_id)) continue;
    DueItem d;
    d.kind = "requisition_overdue";
    d.requisition_id = r.id;
    d.programme_id = r.programme_id;
    d.label = unit_names[r.unit_id] + " " + r.from + " – " + r.to;
    d.due = *parse_date(r.due);
    d.overdue = true;
    out.push_back(d);
  }
  return out;
}

}  // namespace stegvis::app
