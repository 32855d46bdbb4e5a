// Decoders of the financing agreement and the allocation-key scenario bodies:
// {"municipalities": [{"municipality", "roles": [{"role", "association_fte_pct",
// "cofinancing_fte_pct", "note"?}]}], "other_parties": [{"party", "roles": [...]}]}.
#include "http/request_decoders.hpp"

namespace stegvis::http {
namespace {

constexpr std::size_t kMaxRows = 1000;

std::optional<Error> decode_roles(const json& entry, const std::string& where, std::optional<Id> municipality,
                                  std::optional<Id> party, std::vector<app::FinancingInput>& rows) {
  auto it = entry.find("roles");
  if (it == entry.end() || !it->is_array())
    return invalid("roles", where + ": fältet \"roles\" ska vara en lista.");
  for (const auto& r : *it) {
    if (!r.is_object()) return invalid("roles", where + ": varje roll ska vara ett objekt.");
    if (rows.size() >= kMaxRows) return invalid("roles", "Högst 1 000 rader i en överenskommelse.");
    app::FinancingInput in;
    in.municipality_id = municipality;
    in.party_id = party;
    std::string code;
    if (auto e = read_string(r, "role", code)) return e;
    auto role = role_from_code(code);
    if (!role) return invalid("role", where + ": okänd roll \"" + code + "\".");
    in.role = *role;
    if (auto e = read_number(r, "association_fte_pct", in.association_fte_pct, false)) return e;
    if (auto e = read_number(r, "cofinancing_fte_pct", in.cofinancing_fte_pct, false)) return e;
    if (auto e = read_string(r, "note", in.note, false)) return e;
    rows.push_back(std::move(in));
  }
  return std::nullopt;
}

template <typename Lookup>
std::optional<Error> decode_entries(const json& j, const char* list, const char* field, const Lookup& lookup,
                                    std::vector<app::FinancingInput>& rows, bool municipal) {
  auto it = j.find(list);
  if (it == j.end() || it->is_null()) return std::nullopt;
  if (!it->is_array()) return invalid(list, std::string("Fältet \"") + list + "\" ska vara en lista.");
  for (const auto& entry : *it) {
    if (!entry.is_object()) return invalid(list, std::string("Varje post i \"") + list + "\" ska vara ett objekt.");
    auto name = entry.find(field);
    if (name == entry.end()) return invalid(field, std::string("Fältet \"") + field + "\" saknas.");
    auto all = lookup();
    if (!all) return all.error();
    Id id = 0;
    if (auto e = resolve(*name, *all, field, id)) return e;
    std::string where = name->is_string() ? name->get<std::string>() : std::to_string(id);
    auto e = municipal ? decode_roles(entry, where, id, std::nullopt, rows)
                       : decode_roles(entry, where, std::nullopt, id, rows);
    if (e) return e;
  }
  return std::nullopt;
}

}  // namespace

std::optional<Error> decode_financing(const json& j, const Lookups& lookups, std::vector<app::FinancingInput>& rows) {
  if (!j.contains("municipalities") && !j.contains("other_parties"))
    return invalid("municipalities", "Ange överenskommelsen under \"municipalities\" (och \"other_parties\").");
  if (auto e = decode_entries(j, "municipalities", "municipality", lookups.municipalities, rows, true)) return e;
  return decode_entries(j, "other_parties", "party", lookups.parties, rows, false);
}

std::optional<Error> decode_scenario(const json& j, ScenarioInput& in) {
  if (auto e = read_string(j, "name", in.name)) return e;
  if (auto e = read_number(j, "population_weight", in.population_weight)) return e;
  return read_number(j, "socioeconomic_weight", in.socioeconomic_weight);
}

}  // namespace stegvis::http
