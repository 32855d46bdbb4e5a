#include "app/organisation_service.hpp"

#include <algorithm>
#include <set>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {
namespace {

const std::set<std::string> kPartyKinds{"fk", "af", "region", "kommun", "annan"};

bool is_code(const std::string& s) {
  if (s.size() < 2 || s.size() > 40) return false;
  return std::all_of(s.begin(), s.end(), [](char c) { return (c >= 'a' && c <= 'z') || c == '_'; });
}

std::string id_text(Id id) { return std::to_string(id); }

}  // namespace

Result<Association> OrganisationService::association(const Actor& actor) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto tx = env_.db.begin(false);
  auto a = tx->organisation().association();
  if (!a) return not_found("Inget samordningsförbund är registrerat ännu.");
  return *a;
}

Result<Id> OrganisationService::save_association(const Actor& actor, const Association& a) {
  if (auto s = authorize(env_, actor, Permission::manage_organisation); !s) return s.error();
  if (auto e = check_text("name", a.name, 200)) return *e;
  if (auto e = check_text("org_number", a.org_number, 20, false)) return *e;
  auto tx = env_.db.begin(true);
  auto existing = tx->organisation().association();
  Association row = a;
  row.id = existing ? existing->id : 0;  // one association per installation
  Id id = tx->organisation().save_association(row);
  record(*tx, env_.now(), actor, existing ? "association.update" : "association.create", "association", id_text(id));
  tx->commit();
  cache_.clear();
  return id;
}

Result<std::vector<Party>> OrganisationService::parties(const Actor& actor) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  return cache_.parties([this] { return env_.db.begin(false)->organisation().parties(); });
}

Result<Id> OrganisationService::save_party(const Actor& actor, const Party& p) {
  if (auto s = authorize(env_, actor, Permission::manage_organisation); !s) return s.error();
  if (auto e = check_text("name", p.name, 200)) return *e;
  if (!kPartyKinds.count(p.kind)) return invalid("kind", "Välj typ av part: fk, af, region, kommun eller annan.");
  auto tx = env_.db.begin(true);
  if (p.id != 0 && !tx->organisation().party(p.id)) return not_found("Parten finns inte.");
  if (auto same = tx->organisation().party_by_name(p.name); same && same->id != p.id)
    return conflict("Det finns redan en part med det namnet.", "name");
  Id id = tx->organisation().save_party(p);
  record(*tx, env_.now(), actor, p.id ? "party.update" : "party.create", "party", id_text(id));
  tx->commit();
  cache_.clear();
  return id;
}

Result<std::vector<Municipality>> OrganisationService::municipalities(const Actor& actor) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto tx = env_.db.begin(false);
  return tx->organisation().municipalities();
}

Result<Id> OrganisationService::save_municipality(const Actor& actor, const Municipality& m) {
  if (auto s = authorize(env_, actor, Permission::manage_organisation); !s) return s.error();
  if (auto e = check_text("name", m.name, 100)) return *e;
  if (m.population < 0 || m.population > 20'000'000)
    return invalid("population", "Befolkningen ska vara ett tal mellan 0 och 20 000 000.");
  if (auto e = check_range("socioeconomic_index", m.socioeconomic_index, 0, 100)) return *e;
  auto tx = env_.db.begin(true);
  if (m.id != 0 && !tx->organisation().municipality(m.id)) return not_found("Kommunen finns inte.");
  if (m.party_id && !tx->organisation().party(*m.party_id)) return invalid("party_id", "Parten finns inte.");
  if (auto same = tx->organisation().municipality_by_name(m.name); same && same->id != m.id)
    return conflict("Det finns redan en kommun med det namnet.", "name");
  Id id = tx->organisation().save_municipality(m);
  record(*tx, env_.now(), actor, m.id ? "municipality.update" : "municipality.create", "municipality", id_text(id));
  tx->commit();
  cache_.clear();
  return id;
}

Result<std::vector<Programme>> OrganisationService::programmes(const Actor& actor) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto tx = env_.db.begin(false);
  return tx->organisation().programmes();
}

Result<Programme> OrganisationService::programme(const Actor& actor, Id id) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto p = cache_.programme(id, [this, id] { return env_.db.begin(false)->organisation().programme(id); });
  if (!p) return not_found("Insatsen finns inte.");
  return *p;
}

Result<Id> OrganisationService::save_programme(const Actor& actor, const Programme& p) {
  if (auto s = authorize(env_, actor, Permission::manage_organisation); !s) return s.error();
  if (auto e = check_text("name", p.name, 200)) return *e;
  if (auto e = check_date("start_date", p.start_date)) return *e;
  if (auto e = check_date("end_date", p.end_date)) return *e;
  if (p.end_date < p.start_date) return invalid("end_date", "Slutdatum kan inte ligga före startdatum.");
  if (auto e = check_text("purpose", p.purpose, 4000, false)) return *e;
  if (auto e = check_text("target_group", p.target_group, 4000, false)) return *e;
  auto tx = env_.db.begin(true);
  auto association = tx->organisation().association();
  if (!association) return conflict("Registrera samordningsförbundet först.");
  Programme row = p;
  row.association_id = association->id;
  if (p.id != 0 && !tx->organisation().programme(p.id)) return not_found("Insatsen finns inte.");
  for (const auto& other : tx->organisation().programmes())
    if (other.name == p.name && other.id != p.id) return conflict("Det finns redan en insats med det namnet.", "name");
  Id id = tx->organisation().save_programme(row);
  record(*tx, env_.now(), actor, p.id ? "programme.update" : "programme.create", "programme", id_text(id));
  tx->commit();
  cache_.clear();
  return id;
}

Result<Id> OrganisationService::save_track(const Actor& actor, const Track& t) {
  if (auto s = authorize(env_, actor, Permission::manage_organisation); !s) return s.error();
  if (!is_code(t.code)) return invalid("code", "Koden ska ha 2–40 tecken a–z eller understreck, t.ex. \"unga\".");
  if (auto e = check_text("name", t.name, 100)) return *e;
  if (t.min_age < 15 || t.min_age > 70) return invalid("min_age", "Lägsta ålder ska vara mellan 15 och 70.");
  if (t.max_age < t.min_age || t.max_age > 70)
    return invalid("max_age", "Högsta ålder ska vara mellan lägsta ålder och 70.");
  if (!carries_caseload(t.staff_role)) return invalid("staff_role", "Personalrollen ska vara coach eller koordinator.");
  auto tx = env_.db.begin(true);
  auto programme = tx->organisation().programme(t.programme_id);
  if (!programme) return not_found("Insatsen finns inte.");
  if (t.id != 0) {
    auto existing = tx->organisation().track(t.id);
    if (!existing || existing->programme_id != t.programme_id) return not_found("Inriktningen finns inte.");
  }
  for (const auto& other : programme->tracks)
    if (other.code == t.code && other.id != t.id) return conflict("Insatsen har redan en inriktning med den koden.", "code");
  Id id = tx->organisation().save_track(t);
  record(*tx, env_.now(), actor, t.id ? "track.update" : "track.create", "track", id_text(id));
  tx->commit();
  cache_.clear();
  return id;
}

Result<Unit> OrganisationService::unit(const Actor& actor, Id id) {
  if (auto s = authorize(env_, actor, Permission::view_organisation); !s) return s.error();
  auto tx = env_.db.begin(false);
  auto u = tx->organisation().unit(id);
  if (!u) return not_found("Länsdelen finns inte.");
  return *u;
}

Result<Id> OrganisationService::save_unit(const Actor& actor, const UnitInput& in) {
  if (auto s = authorize(env_, actor, Permission::manage_organisation); !s) return s.error();
  if (auto e = check_text("name", in.name, 100)) return *e;
  auto tx = env_.db.begin(true);
  auto programme = tx->organisation().programme(in.programme_id);
  if (!programme) return not_found("Insatsen finns inte.");
  if (in.id != 0) {
    auto existing = tx->organisation().unit(in.id);
    if (!existing || existing->programme_id != in.programme_id) return not_found("Länsdelen finns inte.");
  }
  if (in.controller_party_id && !tx->organisation().party(*in.controller_party_id))
    return invalid("controller_party_id", "Den personuppgiftsansvariga parten finns inte.");
  Unit row{in.id, in.programme_id, in.name, in.controller_party_id, {}};
  std::set<Id> seen;
  for (Id mid : in.municipality_ids) {
    if (!seen.insert(mid).second) continue;
    auto m = tx->organisation().municipality(mid);
    if (!m) return invalid("municipalities", "Kommunen med id " + id_text(mid) + " finns inte.");
    for (const auto& other : programme->units)
      if (other.id != in.id)
        for (const auto& om : other.municipalities)
          if (om.id == mid)
            return conflict(m->name + " hör redan till länsdelen " + other.name + " i den här insatsen.",
                            "municipalities");
    row.municipalities.push_back(*m);
  }
  for (const auto& other : programme->units)
    if (other.name == in.name && other.id != in.id)
      return conflict("Insatsen har redan en länsdel med det namnet.", "name");
  Id id = tx->organisation().save_unit(row);
  record(*tx, env_.now(), actor, in.id ? "unit.update" : "unit.create", "unit", id_text(id));
  tx->commit();
  cache_.clear();
  return id;
}

}  // namespace stegvis::app
