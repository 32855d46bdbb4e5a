#include "http/financing_json.hpp"

#include <cmath>

namespace stegvis::http {
namespace {

double one_decimal(double v) { return std::round(v * 10) / 10; }

json party_json(const app::FinancingPartyRow& p, bool municipal) {
  json roles = json::array();
  for (const auto& r : p.roles)
    roles.push_back({{"role", std::string(to_code(r.role))},
                     {"association_fte_pct", one_decimal(r.association_fte_pct)},
                     {"cofinancing_fte_pct", one_decimal(r.cofinancing_fte_pct)},
                     {"financed_fte_pct", one_decimal(r.staffing.financed_fte_pct)},
                     {"staffed_fte_pct", one_decimal(r.staffing.staffed_fte_pct)},
                     {"difference", one_decimal(r.staffing.difference)},
                     {"differs", r.staffing.differs},
                     {"note", r.note}});
  json out = {{"roles", roles}};
  if (municipal) {
    out["municipality"] = p.name;
    out["unit"] = p.unit;
  } else {
    out["party"] = p.name;
  }
  return out;
}

}  // namespace

json to_json(const app::FinancingView& v) {
  json municipalities = json::array(), others = json::array();
  for (const auto& m : v.municipalities) municipalities.push_back(party_json(m, true));
  for (const auto& o : v.other_parties) others.push_back(party_json(o, false));
  return {{"programme_id", v.programme.id},
          {"year", v.year},
          {"agreement_year", v.agreement_year ? json(*v.agreement_year) : json(nullptr)},
          {"municipalities", municipalities},
          {"other_parties", others},
          {"totals",
           {{"association_fte_pct", one_decimal(v.association_total)},
            {"cofinancing_fte_pct", one_decimal(v.cofinancing_total)},
            {"staffed_fte_pct", one_decimal(v.staffed_total)}}},
          {"whole_programme", v.whole_programme}};
}

json to_json(const app::AllocationKeyView& v) {
  json rows = json::array();
  for (const auto& r : v.key.rows)
    rows.push_back({{"municipality", r.municipality},
                    {"population_share_pct", one_decimal(r.population_share * 100)},
                    {"socioeconomic_share_pct", one_decimal(r.socioeconomic_share * 100)},
                    {"proposed_fte_pct", one_decimal(r.proposed_fte_pct)},
                    {"agreed_fte_pct", one_decimal(r.agreed_fte_pct)},
                    {"difference", one_decimal(r.difference)},
                    {"best_fit_residual", one_decimal(r.best_fit_residual)}});
  json scenarios = json::array();
  for (const auto& s : v.scenarios) scenarios.push_back(to_json(s));
  return {{"programme_id", v.programme.id},
          {"agreement_year", v.agreement_year ? json(*v.agreement_year) : json(nullptr)},
          {"population_weight", v.key.population_weight},
          {"socioeconomic_weight", v.key.socioeconomic_weight},
          {"total_fte_pct", one_decimal(v.key.total_fte_pct)},
          {"municipalities", rows},
          {"best_fit_weights",
           {{"population_weight", v.key.best_population_weight},
            {"socioeconomic_weight", v.key.best_socioeconomic_weight},
            {"rms_residual_fte_pct", one_decimal(v.key.best_fit_rms_fte_pct)}}},
          {"scenarios", scenarios}};
}

json to_json(const store::AllocationScenario& s) {
  return {{"id", s.id},
          {"name", s.name},
          {"population_weight", s.population_weight},
          {"socioeconomic_weight", s.socioeconomic_weight},
          {"proposal", json::parse(s.proposal, nullptr, false)},
          {"created_at", iso_time(s.created_at)}};
}

}  // namespace stegvis::http
