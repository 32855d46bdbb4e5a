// The allocation key: proposal from weighted population and socio-economic
// shares, and the best-fit weights, checked against the Sörmland agreement.
#include "domain/allocation_key.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "domain/financing.hpp"

using namespace stegvis;

namespace {

// Population, socio-economic index and agreed staffing (association + co-financing,
// programme plan v1.1) of the nine Sörmland municipalities.
std::vector<AllocationInput> sormland() {
  return {{"Katrineholm", 35000, 18, 225}, {"Flen", 16000, 21, 150},     {"Vingåker", 9000, 20, 75},
          {"Gnesta", 12000, 13, 75},       {"Trosa", 15000, 10, 75},     {"Nyköping", 60000, 17, 250},
          {"Oxelösund", 12000, 18, 75},    {"Strängnäs", 40000, 13, 200}, {"Eskilstuna", 108000, 20, 450}};
}

}  // namespace

TEST(AllocationKey, ProposalSharesTheAgreedTotalByWeightedShares) {
  auto k = allocation_key(sormland(), 70, 30);
  ASSERT_TRUE(k.ok()) << k.error().message;
  EXPECT_DOUBLE_EQ(k->total_fte_pct, 1575);
  // Katrineholm: 0.7 · 35/307 + 0.3 · 18/150 of 1575 %.
  EXPECT_NEAR(k->rows[0].proposed_fte_pct, (0.7 * 35000.0 / 307000 + 0.3 * 18.0 / 150) * 1575, 1e-9);
  EXPECT_NEAR(k->rows[0].proposed_fte_pct, 182.4, 0.05);
  EXPECT_NEAR(k->rows[0].difference, 182.4 - 225, 0.05);
  double sum = 0;
  for (const auto& r : k->rows) sum += r.proposed_fte_pct;
  EXPECT_NEAR(sum, 1575, 1e-9);
}

TEST(AllocationKey, OnlyPopulationGivesPopulationShares) {
  auto k = allocation_key(sormland(), 100, 0);
  ASSERT_TRUE(k.ok());
  EXPECT_NEAR(k->rows[8].proposed_fte_pct, 108000.0 / 307000 * 1575, 1e-9);
}

TEST(AllocationKey, BestFitWeightsReproduceTheSormlandAgreement) {
  auto k = allocation_key(sormland(), 50, 50);
  ASSERT_TRUE(k.ok());
  // The closed form gives 70.8 %; 71 is the better whole per cent.
  EXPECT_DOUBLE_EQ(k->best_population_weight, 71);
  EXPECT_DOUBLE_EQ(k->best_socioeconomic_weight, 29);
  EXPECT_GT(k->best_fit_rms_fte_pct, 0);
  EXPECT_LT(k->best_fit_rms_fte_pct, 30);
  // Nyköping's 250 % lies about 20 below what the best-fit key gives it.
  EXPECT_NEAR(k->rows[5].best_fit_residual, 250 - (0.71 * 60000 / 307000 + 0.29 * 17.0 / 150) * 1575, 1e-9);
  EXPECT_NEAR(k->rows[5].best_fit_residual, -20.3, 0.05);
}

TEST(AllocationKey, AnExactAgreementIsFoundExactly) {
  std::vector<AllocationInput> in{{"A", 100, 10, 0}, {"B", 300, 30, 0}, {"C", 600, 10, 0}};
  // Agreed = 40 % population + 60 % socio-economic of 1000 %.
  for (auto& m : in) m.agreed_fte_pct = (0.4 * m.population / 1000 + 0.6 * m.socioeconomic_index / 50) * 1000;
  auto k = allocation_key(in, 50, 50);
  ASSERT_TRUE(k.ok());
  EXPECT_DOUBLE_EQ(k->best_population_weight, 40);
  EXPECT_NEAR(k->best_fit_rms_fte_pct, 0, 1e-9);
}

TEST(AllocationKey, WeightsMustSumToHundred) {
  auto k = allocation_key(sormland(), 60, 30);
  ASSERT_FALSE(k.ok());
  EXPECT_EQ(k.error().field, "population_weight");
  EXPECT_EQ(allocation_key(sormland(), -10, 110).error().field, "population_weight");
  EXPECT_EQ(allocation_key(sormland(), 50, std::nan("")).error().field, "socioeconomic_weight");
}

TEST(AllocationKey, MissingPopulationOrMunicipalitiesIsNamed) {
  EXPECT_EQ(allocation_key({}, 70, 30).error().field, "municipalities");
  EXPECT_EQ(allocation_key({{"A", 0, 10, 100}}, 70, 30).error().field, "population");
  EXPECT_EQ(allocation_key({{"A", 10, 0, 100}}, 70, 30).error().field, "socioeconomic_index");
}

TEST(Financing, ARowNeedsAFinancedRoleAndSharesWithOneDecimal) {
  FinancedPost p;
  p.year = 2024;
  p.role = Role::coach;
  p.association_fte_pct = 150;
  EXPECT_FALSE(validate_post(p));
  p.cofinancing_fte_pct = 12.25;
  EXPECT_EQ(validate_post(p)->field, "cofinancing_fte_pct");
  p.cofinancing_fte_pct = -1;
  EXPECT_EQ(validate_post(p)->field, "cofinancing_fte_pct");
  p.cofinancing_fte_pct = 0;
  p.role = Role::styrgrupp;
  EXPECT_EQ(validate_post(p)->field, "role");
  p.role = Role::samordnare;
  EXPECT_FALSE(validate_post(p));
}

TEST(Financing, APartyMayNotHaveTheSameRoleTwice) {
  FinancedPost a;
  a.year = 2024;
  a.party_id = 7;
  a.role = Role::coach;
  FinancedPost b = a;
  EXPECT_EQ(validate_agreement({a, b})->field, "roles");
  b.role = Role::koordinator;
  EXPECT_FALSE(validate_agreement({a, b}));
}

TEST(Financing, StaffingIsComparedWithWhatIsFinanced) {
  FinancedPost nykoping;
  nykoping.role = Role::coach;
  nykoping.association_fte_pct = 150;  // the programme plan; KASAM staffs 100 %
  auto c = compare_staffing(nykoping, 100);
  EXPECT_DOUBLE_EQ(c.financed_fte_pct, 150);
  EXPECT_DOUBLE_EQ(c.difference, -50);
  EXPECT_TRUE(c.differs);
  EXPECT_FALSE(compare_staffing(nykoping, 150.4).differs);
}
