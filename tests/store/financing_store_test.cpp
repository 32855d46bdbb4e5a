// The financing agreements and allocation scenarios on both backends: the
// agreement in force is the latest year not after the one asked for, a year is
// replaced as a whole (nullable municipality, one-decimal shares round-trip),
// the same party and role twice in a year is refused by the schema, and
// scenarios list newest first with their names unique per programme.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteF {
  static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); }
};
struct PostgresF {
  static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); }
};
struct FNames {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteF> ? "Sqlite" : "Postgres";
  }
};
}  // namespace

template <typename B>
class FinancingContract : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Id a = o.save_association({0, "F", ""});
    region_ = o.save_party({0, "Region", "region"});
    kommun_ = o.save_party({0, "Flens kommun", "kommun"});
    muni_ = o.save_municipality({0, "Flen", kommun_, 16000, 21});
    Programme p;
    p.association_id = a;
    p.name = "P";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    programme_ = o.save_programme(p);
    tx->commit();
  }
  FinancedPost post(Id party, std::optional<Id> m, Role role, double a, double c) {
    FinancedPost f;
    f.party_id = party;
    f.municipality_id = m;
    f.role = role;
    f.association_fte_pct = a;
    f.cofinancing_fte_pct = c;
    return f;
  }
  Database& db() { return *t_->db; }
  std::unique_ptr<TestDb> t_;
  Id programme_ = 0, region_ = 0, kommun_ = 0, muni_ = 0;
};

using FBackends = ::testing::Types<SqliteF, PostgresF>;
TYPED_TEST_SUITE(FinancingContract, FBackends, FNames);

TYPED_TEST(FinancingContract, TheAgreementInForceIsTheLatestYearNotAfter) {
  auto tx = this->db().begin(true);
  auto& f = tx->financing();
  EXPECT_FALSE(f.agreement_year(this->programme_, 2024));
  auto coach = this->post(this->kommun_, this->muni_, Role::coach, 100, 0);
  coach.note = "Enligt planen";
  f.replace_agreement(this->programme_, 2024, {coach, this->post(this->region_, std::nullopt, Role::samordnare, 0, 300)});
  f.replace_agreement(this->programme_, 2026, {this->post(this->kommun_, this->muni_, Role::koordinator, 0, 37.5)});
  EXPECT_EQ(f.agreement_year(this->programme_, 2025), 2024);
  EXPECT_EQ(f.agreement_year(this->programme_, 2030), 2026);
  EXPECT_FALSE(f.agreement_year(this->programme_, 2023));
  auto rows = f.agreement(this->programme_, 2024);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].municipality_id, this->muni_);
  EXPECT_EQ(rows[0].role, Role::coach);
  EXPECT_EQ(rows[0].note, "Enligt planen");
  EXPECT_FALSE(rows[1].municipality_id);
  EXPECT_EQ(rows[1].party_id, this->region_);
  EXPECT_DOUBLE_EQ(rows[1].cofinancing_fte_pct, 300);
  EXPECT_DOUBLE_EQ(f.agreement(this->programme_, 2026)[0].cofinancing_fte_pct, 37.5);

  // Replacing a year leaves the others.
  f.replace_agreement(this->programme_, 2024, {this->post(this->kommun_, this->muni_, Role::coach, 50, 0)});
  EXPECT_EQ(f.agreement(this->programme_, 2024).size(), 1u);
  EXPECT_EQ(f.agreement(this->programme_, 2026).size(), 1u);
  tx->commit();
}

TYPED_TEST(FinancingContract, APartyAndRoleTwiceInAYearIsRefused) {
  auto tx = this->db().begin(true);
  auto row = this->post(this->kommun_, this->muni_, Role::coach, 100, 0);
  EXPECT_ANY_THROW(tx->financing().replace_agreement(this->programme_, 2024, {row, row}));
}

TYPED_TEST(FinancingContract, ScenariosListNewestFirstWithUniqueNames) {
  auto tx = this->db().begin(true);
  auto& f = tx->financing();
  Id first = f.add_scenario({0, this->programme_, "70/30", 70, 30, "[]", 1, 100});
  Id second = f.add_scenario({0, this->programme_, "Bara befolkning", 100, 0, "[{\"municipality\":\"Flen\"}]", 1, 200});
  auto all = f.scenarios(this->programme_);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(all[0].id, second);
  EXPECT_EQ(all[0].proposal, "[{\"municipality\":\"Flen\"}]");
  EXPECT_DOUBLE_EQ(all[1].population_weight, 70);
  EXPECT_TRUE(f.scenario_name_taken(this->programme_, "70/30"));
  EXPECT_FALSE(f.scenario_name_taken(this->programme_, "70/31"));
  f.delete_scenario(first);
  EXPECT_FALSE(f.scenario(first));
  EXPECT_EQ(f.scenario(second)->name, "Bara befolkning");
  tx->commit();
}
