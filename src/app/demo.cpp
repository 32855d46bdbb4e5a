#include "app/demo.hpp"

#include <map>

#include "app/actor.hpp"
#include "app/demo_governance.hpp"
#include "app/demo_learning.hpp"
#include "app/demo_money.hpp"
#include "app/demo_participants.hpp"
#include "app/demo_questionnaires.hpp"
#include "app/financing_service.hpp"
#include "app/report_service.hpp"
#include "app/organisation_service.hpp"
#include "app/staff_service.hpp"
#include "domain/vocabulary.hpp"

namespace stegvis::app {
namespace {

// Facts from shared/data/sormland_municipalities.csv (KASAM slides and the
// programme plan v1.1), copied here because a user's clone has no shared/.
struct MunicipalityFact {
  const char* unit;
  const char* name;
  const char* party;
  int population;
  double socioeconomic_pct;
  int koordinator_fte_pct;
  int coach_fte_pct;
};
constexpr MunicipalityFact kMunicipalities[] = {
    {"Västra", "Katrineholm", "Katrineholms kommun", 35000, 18, 75, 150},
    {"Västra", "Flen", "Flens kommun", 16000, 21, 50, 100},
    {"Västra", "Vingåker", "Vingåkers kommun", 9000, 20, 25, 50},
    {"Södra", "Gnesta", "Gnesta kommun", 12000, 13, 25, 50},
    {"Södra", "Trosa", "Trosa kommun", 15000, 10, 25, 50},
    {"Södra", "Nyköping", "Nyköpings kommun", 60000, 17, 100, 100},
    {"Södra", "Oxelösund", "Oxelösunds kommun", 12000, 18, 25, 50},
    {"Norra", "Strängnäs", "Strängnäs kommun", 40000, 13, 100, 100},
    {"Norra", "Eskilstuna", "Eskilstuna kommun", 108000, 20, 200, 250},
};

// The party hosting each unit's work is its personal-data controller (domain.md §8).
const std::map<std::string, std::string> kUnitController{
    {"Västra", "Katrineholms kommun"}, {"Södra", "Nyköpings kommun"}, {"Norra", "Eskilstuna kommun"}};

// Invented names for the demo staff; no real person is meant.
constexpr const char* kFirstNames[] = {"Anna", "Johan", "Maria", "Erik", "Sara", "Karl", "Lena", "Ali",
                                       "Emma", "Mikael", "Fatima", "Per", "Elin", "Ahmed", "Ida", "Nils"};
constexpr const char* kLastNames[] = {"Lindqvist", "Berg", "Holm", "Nyström", "Sandberg", "Ekström",
                                      "Lund", "Åberg", "Forsberg", "Sjöberg", "Öberg", "Hedlund"};


// The staffing agreement of programme plan v1.1 from 2024: each municipality
// co-finances its koordinatorer, the association finances the coaches, and the
// region its three samordnare. Nyköping's coaches: the plan says 150 %, the KASAM
// slides (and so the demo staff) 100 %; both are kept as written, with a note.
void load_demo_financing(Env& env, Id programme, const std::map<std::string, Id>& municipality, Id region) {
  Actor chief = system_actor("demo");
  chief.roles = {{Role::forbundschef, std::nullopt, std::nullopt, 0}};
  std::vector<FinancingInput> rows;
  for (const auto& m : kMunicipalities) {
    Id id = municipality.at(m.name);
    rows.push_back({id, std::nullopt, Role::koordinator, 0, static_cast<double>(m.koordinator_fte_pct), ""});
    bool nykoping = std::string(m.name) == "Nyköping";
    rows.push_back({id, std::nullopt, Role::coach, nykoping ? 150.0 : static_cast<double>(m.coach_fte_pct), 0,
                    nykoping ? "Programplanen v1.1 anger förbundsfinansiering 150 %; KASAM-underlaget anger "
                               "coach 100 %. Dokumenten skiljer sig och båda siffrorna står kvar."
                             : ""});
  }
  rows.push_back({std::nullopt, region, Role::samordnare, 0, 300, "Regionens tre samordnare."});
  auto r = FinancingService(env).save_financing(chief, programme, 2024, rows);
  if (!r) throw std::runtime_error("demo data: " + r.error().message);
}

}  // namespace

const std::vector<std::string>& demo_usernames() {
  static const std::vector<std::string> names{"admin",          "samordnare.vastra", "coach.katrineholm",
                                              "koordinator.eskilstuna", "insatsansvarig", "styrgrupp",
                                              "utvarderare",       "forbundschef",      "ekonom"};
  return names;
}

Status load_demo(Env& env) {
  if (!env.db.is_empty()) return conflict("Databasen innehåller redan en organisation; demodata läses bara in i en tom databas.");
  Actor sys = system_actor("demo");
  OrganisationService org(env);
  StaffService staff(env);
  auto must = [](auto r) {
    if (!r) throw std::runtime_error("demo data: " + r.error().message + " (" + r.error().field + ")");
    return *r;
  };

  must(org.save_association(sys, {0, "Samordningsförbundet RAR i Sörmland", "222000-0000"}));
  std::map<std::string, Id> party;
  for (auto [name, kind] : std::initializer_list<std::pair<const char*, const char*>>{
           {"Försäkringskassan", "fk"}, {"Arbetsförmedlingen", "af"}, {"Region Sörmland", "region"}})
    party[name] = must(org.save_party(sys, {0, name, kind}));
  std::map<std::string, Id> municipality;
  for (const auto& m : kMunicipalities) {
    party[m.party] = must(org.save_party(sys, {0, m.party, "kommun"}));
    municipality[m.name] = must(org.save_municipality(sys, {0, m.name, party[m.party], m.population, m.socioeconomic_pct}));
  }

  Programme p;
  p.name = "Sikta mot arbetslivet";
  p.start_date = "2023-10-01";
  p.end_date = "2028-09-30";
  p.purpose = "Att stötta och bredda väg för målgruppen att i samband med avslut i insatsen eller inom "
              "överskådlig tid gå till självförsörjning och/eller ett aktivt liv.";
  p.target_group = "Personer med försörjningsstöd, sjukpenning, aktivitetsersättning eller utan ersättning som "
                   "upplever eller har dokumenterad psykisk ohälsa och/eller neuropsykiatrisk funktionsnedsättning "
                   "och behöver personligt samordnat stöd mot arbete eller studier.";
  Id programme = must(org.save_programme(sys, p));
  must(org.save_track(sys, {0, programme, "arbetsmarknad", "Arbetsmarknad", 18, 65, Role::coach}));
  must(org.save_track(sys, {0, programme, "unga", "Unga", 18, 29, Role::koordinator}));

  std::map<std::string, Id> unit;
  for (const char* name : {"Västra", "Södra", "Norra"}) {
    UnitInput in{0, programme, name, party[kUnitController.at(name)], {}};
    for (const auto& m : kMunicipalities)
      if (std::string(m.unit) == name) in.municipality_ids.push_back(municipality[m.name]);
    unit[name] = must(org.save_unit(sys, in));
  }

  auto add = [&](const std::string& username, const std::string& name, std::optional<Id> employer,
                 std::vector<RoleAssignment> roles) {
    Staff s;
    s.username = username;
    s.name = name;
    s.email = username + "@demo.stegvis.se";
    s.employing_party_id = employer;
    s.roles = std::move(roles);
    must(staff.create(sys, s, kDemoPassword));
  };
  Id region = party["Region Sörmland"];
  add("admin", "Administratör Demo", std::nullopt, {{Role::administrator, {}, {}, 0}});
  add("insatsansvarig", "Lena Insatsansvarig", std::nullopt, {{Role::insatsansvarig, {}, {}, 100}});
  add("styrgrupp", "Styrgruppsledamot Demo", party["Försäkringskassan"], {{Role::styrgrupp, {}, {}, 0}});
  add("utvarderare", "Utvärderare Demo", std::nullopt, {{Role::utvarderare, {}, {}, 0}});
  add("forbundschef", "Maria Förbundschef", std::nullopt, {{Role::forbundschef, {}, {}, 100}});
  add("ekonom", "Per Ekonom", std::nullopt, {{Role::ekonom, {}, {}, 50}});
  add("samordnare.vastra", "Karin Samordnare", region, {{Role::samordnare, unit["Västra"], {}, 100}});
  add("samordnare.sodra", "Omar Samordnare", region, {{Role::samordnare, unit["Södra"], {}, 100}});
  add("samordnare.norra", "Helena Samordnare", region, {{Role::samordnare, unit["Norra"], {}, 100}});

  // Coaches and koordinatorer per municipality as staffed in the KASAM table:
  // one person per full post, the remainder as a part-time post.
  int n = 0;
  for (const auto& m : kMunicipalities) {
    Id u = unit[m.unit], mid = municipality[m.name], employer = party[m.party];
    std::string base = fold(m.name);
    for (auto [role, total] : {std::pair{Role::coach, m.coach_fte_pct}, std::pair{Role::koordinator, m.koordinator_fte_pct}}) {
      for (int k = 0; total > 0; ++k, ++n) {
        int fte = total >= 100 ? 100 : total;
        total -= fte;
        std::string username = std::string(to_code(role)) + "." + base + (k ? std::to_string(k + 1) : "");
        std::string name = std::string(kFirstNames[n % 16]) + " " + kLastNames[(n * 7) % 12];
        add(username, name, employer, {{role, u, mid, static_cast<double>(fte)}});
      }
    }
  }
  // The four example targets of issue #4 for Sikta mot arbetslivet.
  ReportService reports(env);
  auto target = [&](const char* name, const char* population, const char* condition, const char* parameter, int pct) {
    Target t;
    t.programme_id = programme;
    t.name = name;
    t.population = population;
    t.condition = condition;
    t.parameter = parameter;
    t.threshold_pct = pct;
    must(reports.save_target(sys, t));
  };
  target("Vidare till arbete, studier eller fortsatt rehabilitering", "exits", "outcome_in",
         "arbete,arbete_med_stod,studier,ame_rehab,af_fk_samarbete", 100);
  target("Vidare till arbetsplatsförlagd aktivitet", "exits", "outcome_in", "arbete,arbete_med_stod,ame_rehab", 60);
  target("Andel kvinnor bland påbörjade", "starts", "gender", "female", 50);
  target("Tillförlitlig förbättring på ORS", "exits", "ors_reliable_improvement", "", 50);
  load_demo_financing(env, programme, municipality, party["Region Sörmland"]);
  if (auto st = load_demo_participants(env); !st) return st;
  if (auto st = load_demo_governance(env); !st) return st;
  if (auto st = load_demo_questionnaires(env); !st) return st;
  if (auto st = load_demo_learning(env); !st) return st;
  return load_demo_money(env, programme);
}

}  // namespace stegvis::app
