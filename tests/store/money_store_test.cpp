// The money tables on both backends: budget versions with their lines and a
// NULL frame, the latest version per budget of a year, costs summed per month,
// line and unit, the import's duplicate keys, a bulk insert, and requisitions.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteM {
  static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); }
};
struct PostgresM {
  static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); }
};
struct MNames {
  template <typename T>
  static std::string GetName(int) {
    return std::is_same_v<T, SqliteM> ? "Sqlite" : "Postgres";
  }
};
}  // namespace

template <typename B>
class MoneyContract : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Programme p;
    p.association_id = o.save_association({0, "F", ""});
    p.name = "P";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    programme_ = o.save_programme(p);
    unit_ = o.save_unit({0, programme_, "Västra", std::nullopt, {}});
    tx->commit();
  }
  CostRow cost(const std::string& month, const std::string& line, Id unit, Ore amount, const std::string& note = "") {
    CostRow c;
    c.programme_id = programme_;
    c.unit_id = unit;
    c.month = month;
    c.line = line;
    c.amount = amount;
    c.note = note;
    return c;
  }
  std::unique_ptr<TestDb> t_;
  Id programme_ = 0, unit_ = 0;
};

using Backends = ::testing::Types<SqliteM, PostgresM>;
TYPED_TEST_SUITE(MoneyContract, Backends, MNames);

TYPED_TEST(MoneyContract, BudgetVersionsKeepTheirLinesAndTheLatestIsFound) {
  auto tx = this->t_->db->begin(true);
  auto& m = tx->money();
  Budget b;
  b.programme_id = this->programme_;
  b.year = 2024;
  b.frame = 900000000;
  b.lines = {{"loner", "Löner", 810000000}, {"resor", "Resor", 6000000}};
  b.id = m.insert_budget(b, 1);
  b.status = "approved";
  b.decided_by = "Förbundsstyrelsen";
  b.approved_on = "2023-11-28";
  m.update_budget(b);
  Budget v2 = b;
  v2.version = 2;
  v2.status = "draft";
  v2.frame.reset();
  v2.lines = {{"resor", "Resor", 7000000}};
  v2.id = m.insert_budget(v2, 2);
  Budget unit = v2;
  unit.unit_id = this->unit_;
  unit.version = 1;
  m.insert_budget(unit, 3);
  tx->commit();

  auto rx = this->t_->db->begin(false);
  auto latest = rx->money().budget(this->programme_, 0, 2024, std::nullopt);
  ASSERT_TRUE(latest);
  EXPECT_EQ(latest->version, 2);
  EXPECT_FALSE(latest->frame);
  ASSERT_EQ(latest->lines.size(), 1u);
  auto first = rx->money().budget(this->programme_, 0, 2024, 1);
  ASSERT_TRUE(first);
  EXPECT_TRUE(first->approved());
  EXPECT_EQ(first->decided_by, "Förbundsstyrelsen");
  EXPECT_EQ(*first->frame, 900000000);
  EXPECT_EQ(first->lines[0].name, "Löner");
  EXPECT_EQ(first->lines[0].amount, 810000000);
  auto year = rx->money().budgets_of_year(this->programme_, 2024);
  ASSERT_EQ(year.size(), 2u);
  EXPECT_EQ(year[0].version, 2);
  EXPECT_EQ(year[1].unit_id, this->unit_);
  EXPECT_FALSE(rx->money().budget(this->programme_, 0, 2025, std::nullopt));
}

TYPED_TEST(MoneyContract, CostsSumPerMonthLineAndUnitAndGiveTheirKeys) {
  {
    auto tx = this->t_->db->begin(true);
    auto& m = tx->money();
    m.insert_cost(this->cost("2024-01", "resor", this->unit_, 10000, "a"), 1);
    std::vector<CostRow> many;
    for (int i = 0; i < 12000; ++i) many.push_back(this->cost("2024-02", "loner", i % 2 ? this->unit_ : 0, 100));
    many.push_back(this->cost("2025-01", "loner", 0, 5));
    m.insert_costs(many, 2);
    tx->commit();
  }
  auto rx = this->t_->db->begin(false);
  auto totals = rx->money().cost_totals(this->programme_, 2024, std::nullopt);
  ASSERT_EQ(totals.size(), 3u);
  EXPECT_EQ(totals[0].month, "2024-01");
  EXPECT_EQ(totals[0].amount, 10000);
  EXPECT_EQ(totals[1].unit_id, 0);
  EXPECT_EQ(totals[1].amount, 600000);
  auto unit = rx->money().cost_totals(this->programme_, 2024, this->unit_);
  ASSERT_EQ(unit.size(), 2u);
  EXPECT_EQ(unit[1].amount, 600000);
  EXPECT_EQ(rx->money().cost_sum(this->programme_, 2024), 1210000);
  auto keys = rx->money().cost_keys(this->programme_, "2024-01", "2024-01");
  ASSERT_EQ(keys.size(), 1u);
  EXPECT_EQ(keys[0], (CostKey{this->unit_, "2024-01", "resor", 10000, "a"}));
  EXPECT_EQ(rx->money().costs(this->programme_, 2024, this->unit_, 5).size(), 5u);
}

TYPED_TEST(MoneyContract, RequisitionsRoundTripAndUnpaidAreListed) {
  Requisition r;
  r.programme_id = this->programme_;
  r.unit_id = this->unit_;
  r.from = "2024-01-01";
  r.to = "2024-02-29";
  r.due = "2024-03-31";
  r.amount = 123456;
  r.created_by = "Karin";
  {
    auto tx = this->t_->db->begin(true);
    r.id = tx->money().insert_requisition(r, 1);
    r.status = "sent";
    r.sent_on = "2024-03-02";
    r.sent_by = "Karin";
    tx->money().update_requisition(r);
    tx->commit();
  }
  auto rx = this->t_->db->begin(false);
  auto back = rx->money().requisition(r.id);
  ASSERT_TRUE(back);
  EXPECT_EQ(back->amount, 123456);
  EXPECT_EQ(back->status, "sent");
  EXPECT_EQ(back->sent_on, "2024-03-02");
  EXPECT_EQ(rx->money().requisitions(this->programme_, this->unit_).size(), 1u);
  EXPECT_EQ(rx->money().unpaid_requisitions().size(), 1u);
}
