#include "app/demo_learning.hpp"

#include <map>

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/catalogue.hpp"
#include "domain/lasting_effect.hpp"
#include "domain/strategy.hpp"

namespace stegvis::app {
namespace {

// Where people were at a check, in rough proportions of the Finsam outcome reports.
constexpr const char* kStatuses[] = {"arbete",      "arbete",        "arbete_med_stod", "studier",
                                     "studier",     "arbetssokande", "arbetssokande",   "ame_rehab",
                                     kNotReached,   kNotReached,     "vard_sjukskrivning", "annat"};

std::map<std::string, std::string> row_map(const std::vector<std::string>& header, const std::vector<std::string>& row) {
  std::map<std::string, std::string> out;
  for (std::size_t i = 0; i < header.size() && i < row.size(); ++i) out[header[i]] = row[i];
  return out;
}

void load_own(store::Store& tx, const Programme& own, const std::string& association, std::int64_t now);

void load_catalogue(store::Store& tx, const std::vector<Programme>& programmes, const std::string& association,
                    std::int64_t now) {
  auto rows = parse_csv(kFinsamCatalogueCsv);
  for (std::size_t r = 1; r < rows.size(); ++r) {
    auto m = row_map(rows[0], rows[r]);
    CatalogueEntry e;
    e.name = m["name"];
    e.association = m["association"];
    e.county = m["county"];
    e.owner_provider = m["owner_provider"];
    e.financing = m["financing"];
    e.period_start = m["period_start"];
    e.period_end = m["period_end"];
    e.purpose = m["purpose"];
    e.target_group = m["target_group"];
    e.places = m["places"];
    e.goals = m["goals"];
    e.results = m["results"];
    e.source_note = "Urval av Finsam-finansierade projekt, " + m["source_note"];
    if (check_catalogue_entry(e)) continue;  // the data is checked by a test; never half a card
    tx.catalogue().save_entry(e, std::nullopt, now);
  }
  for (const auto& own : programmes) load_own(tx, own, association, now);
}

void load_own(store::Store& tx, const Programme& own, const std::string& association, std::int64_t now) {
  CatalogueEntry mine;
  mine.name = own.name;
  mine.association = association;
  mine.county = "Södermanlands län";
  mine.owner_provider = "Samordningsförbundet RAR i Sörmland med länets nio kommuner och Region Sörmland";
  mine.financing = "Förbundets medel, 9 000 tkr per år, och kommunernas medfinansiering av tjänster";
  mine.period_start = own.start_date;
  mine.period_end = own.end_date;
  mine.purpose = own.purpose;
  mine.target_group = own.target_group + " Två inriktningar: arbetsmarknad (18–65 år) och unga (18–29 år).";
  mine.places = "Cirka 20 deltagare per heltidstjänst; 15,25 tjänster";
  mine.goals = "Alla deltagare går vidare till arbete, studier, fortsatt rehabilitering via kommunens "
               "arbetsmarknadsenhet eller Arbetsförmedlingens och Försäkringskassans förstärkta samarbete.";
  mine.contact = "Samordningsförbundet RAR i Sörmland";
  mine.programme_id = own.id;
  tx.catalogue().save_entry(mine, std::nullopt, now);
}

Id load_strategy(store::Store& tx, std::int64_t now) {
  Strategy s;
  s.name = "Regional ANDTS-strategi med åtgärdsprogram 2024–2026";
  s.owner = "Södermanlands län";
  s.period_start = "2024-01-01";
  s.period_end = "2026-12-31";
  auto goals = parse_csv(kAndtsGoalsCsv);
  for (std::size_t r = 1; r < goals.size(); ++r)
    if (goals[r].size() >= 2) s.goals.push_back({0, std::stoi(goals[r][0]), goals[r][1], {}});
  auto items = parse_csv(kAndtsActionProgrammeCsv);
  for (std::size_t r = 1; r < items.size(); ++r) {
    auto m = row_map(items[0], items[r]);
    for (auto& g : s.goals)
      if (std::to_string(g.number) == m["goal"]) {
        StrategyItem i;
        i.focus_area = m["focus_area"];
        i.actors = m["proposed_actors"];
        i.initiators = m["proposed_initiators"];
        g.items.push_back(std::move(i));
      }
  }
  // Under way since the start of 2024: the first items of each goal.
  for (auto& g : s.goals)
    for (std::size_t k = 0; k < g.items.size(); ++k) {
      if (k == 0) g.items[k].status = "done";
      else if (k == 1) g.items[k].status = "ongoing";
      if (k < 2) g.items[k].responsible = g.items[k].initiators;
    }
  return tx.catalogue().create_strategy(s, now);
}

}  // namespace

std::vector<std::vector<std::string>> parse_csv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
      else if (c == '"') quoted = false;
      else field += c;
      continue;
    }
    if (c == '"') { quoted = any = true; continue; }
    if (c == ',') { row.push_back(field); field.clear(); any = true; continue; }
    if (c == '\r') continue;
    if (c == '\n') {
      if (any || !field.empty()) { row.push_back(field); rows.push_back(row); }
      row.clear(); field.clear(); any = false;
      continue;
    }
    field += c;
    any = true;
  }
  if (any || !field.empty()) { row.push_back(field); rows.push_back(row); }
  return rows;
}

Status load_demo_learning(Env& env) {
  auto tx = env.db.begin(true);
  auto programmes = tx->organisation().programmes();
  if (programmes.empty()) return conflict("Demons katalog kräver demons organisation (load_demo).");
  auto association = tx->organisation().association();
  const std::int64_t now = env.now();
  const Date today = *parse_date(today_string(env));
  load_catalogue(*tx, programmes, association ? association->name : "", now);
  Id strategy = load_strategy(*tx, now);
  Actor sys = system_actor("demo");
  record(*tx, now, sys, "strategy.create", "strategy", std::to_string(strategy), "ANDTS 2024–2026");

  std::optional<Id> vastra;
  for (const auto& u : programmes.front().units)
    if (u.name == "Västra") vastra = u.id;
  store::EnrolmentFilter f;
  f.status = "exited";
  f.limit = 1000000;
  int total = 0;
  const std::string five_ago = to_string(add_months(today, -5)), thirteen_ago = to_string(add_months(today, -13));
  int n = 0;
  for (const auto& e : tx->participants().enrolments(f, &total)) {
    if (e.exit_date > five_ago || e.id % 10 >= 7) continue;  // three in ten gave no consent to contact after exit
    tx->lasting_effects().set_contact_after_exit(e.id, true, e.exit_date);
    const Date exit = *parse_date(e.exit_date);
    // Västra's recent exits are left due for the coach, but for a few already checked.
    const bool left_due = e.unit_id == vastra && e.exit_date >= thirteen_ago && e.id % 4 != 0;
    for (int m : env.settings.lasting_effect_months) {
      Date due = lasting_due(exit, m);
      if (left_due || due > today) continue;
      LastingEffect l{m, kStatuses[(e.id * 7 + m + n++) % std::size(kStatuses)], to_string(add_days(due, 3 + e.id % 20))};
      if (l.date > to_string(today)) l.date = to_string(today);
      tx->lasting_effects().record(e.id, l, e.staff_id, now);
      record(*tx, now, sys, "lasting_effect.record", "enrolment", std::to_string(e.id),
             std::to_string(m) + " months: " + l.status);
    }
  }
  tx->commit();
  return done();
}

}  // namespace stegvis::app
