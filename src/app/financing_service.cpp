#include "app/financing_service.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "app/audit.hpp"
#include "app/referral_service.hpp"

namespace stegvis::app {
namespace {

Error denied(Env& env, const Actor& a, const std::string& what, Id programme_id) {
  record_standalone(env, a, "access.denied", "programme", std::to_string(programme_id), what);
  return forbidden("Du har inte behörighet till insatsens " + what + ".");
}

bool association_money_role(const Actor& a) {
  return a.has_role(Role::forbundschef) || a.has_role(Role::ekonom) || a.has_role(Role::styrgrupp) ||
         a.has_role(Role::insatsansvarig);
}

std::set<Id> coordinated_units(const Actor& a, const Programme& p) {
  std::set<Id> out;
  for (const auto& u : p.units)
    if (a.has_role_in_unit(Role::samordnare, u.id)) out.insert(u.id);
  return out;
}

int current_year(const Env& env) { return parse_date(today_string(env))->year; }

std::optional<Error> check_year(int year) {
  if (year < 2000 || year > 2100) return invalid("year", "Året ska vara mellan 2000 och 2100.");
  return std::nullopt;
}

// The FTE % registered for one row: role assignments of the programme's units with the
// same role, in the row's municipality, or (for a party without one) held by its employees.
double staffed_fte(const std::vector<Staff>& staff, const std::set<Id>& units, const FinancedPost& post) {
  double sum = 0;
  for (const auto& s : staff) {
    if (s.disabled) continue;
    for (const auto& r : s.roles) {
      if (r.role != post.role || !r.unit_id || !units.count(*r.unit_id)) continue;
      bool counts = post.municipality_id ? r.municipality_id == post.municipality_id
                                         : s.employing_party_id == post.party_id && !r.municipality_id;
      if (counts) sum += r.fte_pct;
    }
  }
  return sum;
}

struct UnitMunicipality {
  Municipality municipality;
  const Unit* unit;
};

// The programme's municipalities in unit order.
std::vector<UnitMunicipality> municipalities_of(const Programme& p) {
  std::vector<UnitMunicipality> out;
  for (const auto& u : p.units)
    for (const auto& m : u.municipalities) out.push_back({m, &u});
  return out;
}

std::string proposal_json(const AllocationKey& k) {
  nlohmann::json rows = nlohmann::json::array();
  for (const auto& r : k.rows)
    rows.push_back({{"municipality", r.municipality},
                    {"proposed_fte_pct", r.proposed_fte_pct},
                    {"agreed_fte_pct", r.agreed_fte_pct},
                    {"difference", r.difference}});
  return rows.dump();
}

}  // namespace

bool FinancingService::may_view(const Actor& a, const Programme& p) {
  return association_money_role(a) || !coordinated_units(a, p).empty();
}

bool FinancingService::may_view_key(const Actor& a) { return association_money_role(a); }

bool FinancingService::may_edit(const Actor& a) { return a.has_role(Role::forbundschef) || a.has_role(Role::ekonom); }

Status FinancingService::check_edit(const Actor& actor, Id programme_id) {
  if (!may_edit(actor)) return denied(env_, actor, "finansiering (ändra)", programme_id);
  return done();
}

Result<FinancingView> FinancingService::financing(const Actor& actor, Id programme_id, std::optional<int> year) {
  FinancingView v;
  v.year = year.value_or(current_year(env_));
  if (auto e = check_year(v.year)) return *e;
  auto tx = env_.db.begin(false);
  auto p = tx->organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (!may_view(actor, *p)) return denied(env_, actor, "finansiering", programme_id);
  v.programme = *p;
  v.may_edit = may_edit(actor);
  v.whole_programme = association_money_role(actor);
  std::set<Id> visible_units = v.whole_programme ? std::set<Id>{} : coordinated_units(actor, *p);
  std::set<Id> all_units;
  for (const auto& u : p->units) all_units.insert(u.id);

  v.agreement_year = tx->financing().agreement_year(programme_id, v.year);
  std::vector<FinancedPost> posts;
  if (v.agreement_year) posts = tx->financing().agreement(programme_id, *v.agreement_year);
  auto staff = tx->staff().list(std::nullopt);

  auto role_row = [&](const FinancedPost& post) {
    FinancingRoleRow r;
    r.role = post.role;
    r.association_fte_pct = post.association_fte_pct;
    r.cofinancing_fte_pct = post.cofinancing_fte_pct;
    r.staffing = compare_staffing(post, staffed_fte(staff, all_units, post));
    r.note = post.note;
    v.association_total += r.association_fte_pct;
    v.cofinancing_total += r.cofinancing_fte_pct;
    v.staffed_total += r.staffing.staffed_fte_pct;
    return r;
  };

  for (const auto& [m, unit] : municipalities_of(*p)) {
    if (!v.whole_programme && !visible_units.count(unit->id)) continue;
    FinancingPartyRow row{m.name, unit->name, m.id, m.party_id.value_or(0), {}};
    for (const auto& post : posts)
      if (post.municipality_id == m.id) row.roles.push_back(role_row(post));
    v.municipalities.push_back(std::move(row));
  }
  if (v.whole_programme) {
    std::map<Id, FinancingPartyRow> others;
    for (const auto& post : posts) {
      if (post.municipality_id) continue;
      auto [it, added] = others.try_emplace(post.party_id);
      if (added) {
        auto party = tx->organisation().party(post.party_id);
        it->second.name = party ? party->name : "";
        it->second.party_id = post.party_id;
      }
      it->second.roles.push_back(role_row(post));
    }
    for (auto& [id, row] : others) v.other_parties.push_back(std::move(row));
  }
  return v;
}

Result<int> FinancingService::save_financing(const Actor& actor, Id programme_id, int year,
                                             const std::vector<FinancingInput>& rows) {
  if (!may_edit(actor)) return denied(env_, actor, "finansiering (ändra)", programme_id);
  if (auto e = check_year(year)) return *e;
  auto tx = env_.db.begin(true);
  auto p = tx->organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  std::map<Id, Municipality> in_programme;
  for (const auto& [m, unit] : municipalities_of(*p)) in_programme.emplace(m.id, m);

  std::vector<FinancedPost> posts;
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto& in = rows[i];
    std::string where = "Rad " + std::to_string(i + 1) + ": ";
    FinancedPost post;
    post.programme_id = programme_id;
    post.year = year;
    post.role = in.role;
    post.association_fte_pct = in.association_fte_pct;
    post.cofinancing_fte_pct = in.cofinancing_fte_pct;
    post.note = in.note;
    if (in.municipality_id) {
      auto m = in_programme.find(*in.municipality_id);
      if (m == in_programme.end())
        return unprocessable("municipality", where + "kommunen hör inte till någon av insatsens länsdelar.");
      if (!m->second.party_id)
        return unprocessable("municipality", where + "kommunen " + m->second.name + " saknar part; ange den under Organisation.");
      post.municipality_id = m->first;
      post.party_id = *m->second.party_id;
    } else if (in.party_id && tx->organisation().party(*in.party_id)) {
      post.party_id = *in.party_id;
    } else {
      return unprocessable("party", where + "ange en kommun eller en part som finns.");
    }
    if (auto e = validate_post(post)) return Error{e->code, where + e->message, e->field};
    posts.push_back(std::move(post));
  }
  if (auto e = validate_agreement(posts)) return *e;
  tx->financing().replace_agreement(programme_id, year, posts);
  record(*tx, env_.now(), actor, "financing.update", "programme", std::to_string(programme_id),
         "år " + std::to_string(year) + ": " + std::to_string(posts.size()) + " rader");
  tx->commit();
  return static_cast<int>(posts.size());
}

Result<AllocationKeyView> FinancingService::allocation_key(const Actor& actor, Id programme_id,
                                                          std::optional<double> population_weight,
                                                          std::optional<double> socioeconomic_weight,
                                                          std::optional<int> year) {
  if (population_weight.has_value() != socioeconomic_weight.has_value())
    return invalid(population_weight ? "socioeconomic_weight" : "population_weight",
                   "Ange båda vikterna, befolkning och socioekonomi.");
  int y = year.value_or(current_year(env_));
  if (auto e = check_year(y)) return *e;
  auto tx = env_.db.begin(false);
  auto p = tx->organisation().programme(programme_id);
  if (!p) return not_found("Insatsen finns inte.");
  if (!may_view_key(actor)) return denied(env_, actor, "fördelningsnyckel", programme_id);

  AllocationKeyView v;
  v.programme = *p;
  v.may_edit = may_edit(actor);
  v.agreement_year = tx->financing().agreement_year(programme_id, y);
  std::vector<FinancedPost> posts;
  if (v.agreement_year) posts = tx->financing().agreement(programme_id, *v.agreement_year);
  std::vector<AllocationInput> in;
  for (const auto& [m, unit] : municipalities_of(*p)) {
    AllocationInput a{m.name, static_cast<double>(m.population), m.socioeconomic_index, 0};
    for (const auto& post : posts)
      if (post.municipality_id == m.id) a.agreed_fte_pct += post.association_fte_pct + post.cofinancing_fte_pct;
    in.push_back(std::move(a));
  }
  if (!population_weight) {
    auto best = stegvis::allocation_key(in, 50, 50);
    if (!best) return best.error();
    population_weight = best->best_population_weight;
    socioeconomic_weight = best->best_socioeconomic_weight;
  }
  auto key = stegvis::allocation_key(in, *population_weight, *socioeconomic_weight);
  if (!key) return key.error();
  v.key = std::move(*key);
  v.scenarios = tx->financing().scenarios(programme_id);
  return v;
}

Result<Id> FinancingService::save_scenario(const Actor& actor, Id programme_id, const std::string& name,
                                           double population_weight, double socioeconomic_weight) {
  if (!may_edit(actor)) return denied(env_, actor, "fördelningsnyckel (spara)", programme_id);
  std::string trimmed = name;
  trimmed.erase(0, trimmed.find_first_not_of(" \t"));
  trimmed.erase(trimmed.find_last_not_of(" \t") + 1);
  if (trimmed.empty()) return invalid("name", "Ge scenariot ett namn.");
  if (trimmed.size() > 120) return invalid("name", "Namnet får vara högst 120 tecken.");
  auto view = allocation_key(actor, programme_id, population_weight, socioeconomic_weight, std::nullopt);
  if (!view) return view.error();
  auto tx = env_.db.begin(true);
  if (tx->financing().scenario_name_taken(programme_id, trimmed))
    return conflict("Det finns redan ett scenario med namnet \"" + trimmed + "\".", "name");
  store::AllocationScenario s{0, programme_id, trimmed, population_weight, socioeconomic_weight,
                              proposal_json(view->key), actor.user_id, env_.now()};
  Id id = tx->financing().add_scenario(s);
  record(*tx, env_.now(), actor, "allocation_scenario.create", "allocation_scenario", std::to_string(id),
         "programme " + std::to_string(programme_id) + ": " + trimmed);
  tx->commit();
  return id;
}

Status FinancingService::delete_scenario(const Actor& actor, Id programme_id, Id scenario_id) {
  if (!may_edit(actor)) return denied(env_, actor, "fördelningsnyckel (ta bort)", programme_id);
  auto tx = env_.db.begin(true);
  auto s = tx->financing().scenario(scenario_id);
  if (!s || s->programme_id != programme_id) return not_found("Scenariot finns inte.");
  tx->financing().delete_scenario(scenario_id);
  record(*tx, env_.now(), actor, "allocation_scenario.delete", "allocation_scenario", std::to_string(scenario_id),
         "programme " + std::to_string(programme_id) + ": " + s->name);
  tx->commit();
  return done();
}

}  // namespace stegvis::app
