#include "domain/allocation_key.hpp"

#include <algorithm>
#include <cmath>

namespace stegvis {
namespace {

struct Shares {
  std::vector<double> population, socioeconomic, agreed;
};

Shares shares_of(const std::vector<AllocationInput>& in, double total_pop, double total_soc, double total_fte) {
  Shares s;
  for (const auto& m : in) {
    s.population.push_back(m.population / total_pop);
    s.socioeconomic.push_back(m.socioeconomic_index / total_soc);
    s.agreed.push_back(total_fte > 0 ? m.agreed_fte_pct / total_fte : 0);
  }
  return s;
}

// Least squares of agreed ≈ w·population + (1 − w)·socioeconomic over w in [0, 1],
// in whole per cent: the closed form, then the better of the two neighbouring per cents.
double best_weight(const Shares& s) {
  double num = 0, den = 0;
  for (std::size_t i = 0; i < s.agreed.size(); ++i) {
    double d = s.population[i] - s.socioeconomic[i];
    num += (s.agreed[i] - s.socioeconomic[i]) * d;
    den += d * d;
  }
  double w = den > 0 ? std::clamp(num / den, 0.0, 1.0) : 0.5;
  auto sse = [&](double pct) {
    double e = 0, x = pct / 100.0;
    for (std::size_t i = 0; i < s.agreed.size(); ++i) {
      double r = s.agreed[i] - (x * s.population[i] + (1 - x) * s.socioeconomic[i]);
      e += r * r;
    }
    return e;
  };
  double lo = std::floor(w * 100), hi = std::ceil(w * 100);
  return sse(lo) <= sse(hi) ? lo : hi;
}

}  // namespace

std::optional<Error> validate_weights(double population_weight, double socioeconomic_weight) {
  for (auto [v, field] : {std::pair{population_weight, "population_weight"},
                          std::pair{socioeconomic_weight, "socioeconomic_weight"}})
    if (!std::isfinite(v) || v < 0 || v > 100) return invalid(field, "Vikten ska vara ett tal mellan 0 och 100.");
  if (std::fabs(population_weight + socioeconomic_weight - 100) > 1e-6)
    return invalid("population_weight", "Vikterna för befolkning och socioekonomi ska tillsammans bli 100.");
  return std::nullopt;
}

Result<AllocationKey> allocation_key(const std::vector<AllocationInput>& in, double population_weight,
                                     double socioeconomic_weight) {
  if (auto e = validate_weights(population_weight, socioeconomic_weight)) return *e;
  if (in.empty()) return unprocessable("municipalities", "Insatsen har inga kommuner att fördela mellan.");
  double pop = 0, soc = 0, fte = 0;
  for (const auto& m : in) {
    if (m.population < 0 || m.socioeconomic_index < 0 || m.agreed_fte_pct < 0)
      return unprocessable("municipalities", "Kommunen " + m.municipality + " har ett negativt värde.");
    pop += m.population;
    soc += m.socioeconomic_index;
    fte += m.agreed_fte_pct;
  }
  if (pop <= 0) return unprocessable("population", "Kommunernas befolkning saknas; ange den under Organisation.");
  if (soc <= 0)
    return unprocessable("socioeconomic_index", "Kommunernas socioekonomiska andel saknas; ange den under Organisation.");

  Shares s = shares_of(in, pop, soc, fte);
  AllocationKey k;
  k.population_weight = population_weight;
  k.socioeconomic_weight = socioeconomic_weight;
  k.total_fte_pct = fte;
  k.best_population_weight = best_weight(s);
  k.best_socioeconomic_weight = 100 - k.best_population_weight;
  double wb = k.best_population_weight / 100, w = population_weight / 100, sse = 0;
  for (std::size_t i = 0; i < in.size(); ++i) {
    AllocationRow r;
    r.municipality = in[i].municipality;
    r.population_share = s.population[i];
    r.socioeconomic_share = s.socioeconomic[i];
    r.agreed_fte_pct = in[i].agreed_fte_pct;
    r.proposed_fte_pct = (w * s.population[i] + (1 - w) * s.socioeconomic[i]) * fte;
    r.difference = r.proposed_fte_pct - r.agreed_fte_pct;
    r.best_fit_residual = r.agreed_fte_pct - (wb * s.population[i] + (1 - wb) * s.socioeconomic[i]) * fte;
    sse += r.best_fit_residual * r.best_fit_residual;
    k.rows.push_back(std::move(r));
  }
  k.best_fit_rms_fte_pct = std::sqrt(sse / static_cast<double>(in.size()));
  return k;
}

}  // namespace stegvis
