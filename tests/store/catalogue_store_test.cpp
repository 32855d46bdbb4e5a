// Issue #9's storage on both backends: the catalogue's full-text search (FTS5
// on SQLite, Swedish tsvector on PostgreSQL) with prefix matching, filters,
// hostile search words and an index kept in sync on update; a strategy read
// back in order with status and notes; lasting-effect checks and open items.
#include <gtest/gtest.h>

#include <algorithm>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteC { static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); } };
struct PostgresC { static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); } };
struct CNames {
  template <typename T>
  static std::string GetName(int) { return std::is_same_v<T, SqliteC> ? "Sqlite" : "Postgres"; }
};

CatalogueEntry entry(const char* name, const char* county, const char* start, const char* end, const char* target) {
  CatalogueEntry e;
  e.name = name;
  e.county = county;
  e.period_start = start;
  e.period_end = end;
  e.target_group = target;
  e.purpose = "Stödja deltagarna mot arbete eller studier.";
  return e;
}

std::vector<std::string> names(const std::vector<CatalogueEntry>& v) {
  std::vector<std::string> out;
  for (const auto& e : v) out.push_back(e.name);
  std::sort(out.begin(), out.end());
  return out;
}
}  // namespace

template <typename B>
class CatalogueStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
  }
  std::vector<CatalogueEntry> find(Store& tx, std::vector<std::string> terms, std::string county = "",
                                   std::string active = "", std::vector<std::string> target = {}, int* total = nullptr) {
    CatalogueQuery q;
    q.terms = std::move(terms);
    q.county = std::move(county);
    q.active_on = std::move(active);
    q.target_terms = std::move(target);
    return tx.catalogue().search(q, total);
  }
  std::unique_ptr<TestDb> t_;
};

using CBackends = ::testing::Types<SqliteC, PostgresC>;
TYPED_TEST_SUITE(CatalogueStoreTest, CBackends, CNames);

TYPED_TEST(CatalogueStoreTest, FullTextSearchWithPrefixesFiltersAndHostileWords) {
  auto tx = this->t_->db->begin(true);
  auto& c = tx->catalogue();
  c.save_entry(entry("FÅKUS i Åre", "Jämtlands län", "2013-09-01", "2015-08-31", "Unga vuxna 20–30 år"), std::nullopt, 1);
  Id ung = c.save_entry(entry("Ormprojektet", "Stockholms län", "2014", "2015", "Ungdomar som står långt ifrån arbetsmarknaden"), std::nullopt, 1);
  c.save_entry(entry("Sikta mot arbetslivet", "Södermanlands län", "2023-10-01", "2028-09-30", "Personer med psykisk ohälsa"), std::nullopt, 1);
  c.save_entry(entry("Kom-jobb", "Örebro län", "2012-09", "", "Personer med funktionsnedsättning"), std::nullopt, 1);

  // "unga" finds both the young adults and the "ungdomar" (prefix after stemming).
  EXPECT_EQ(names(this->find(*tx, {"unga"})), (std::vector<std::string>{"FÅKUS i Åre", "Ormprojektet"}));
  EXPECT_EQ(names(this->find(*tx, {"södermanlands"})), std::vector<std::string>{"Sikta mot arbetslivet"});
  EXPECT_EQ(names(this->find(*tx, {"unga", "jämtlands"})), std::vector<std::string>{"FÅKUS i Åre"});
  // Words that are operators in FTS5 or tsquery are plain words here: no syntax error, no match.
  EXPECT_TRUE(this->find(*tx, {"near", "or", "not", "and"}).empty());
  // Filters: county exactly, active on a day (open end = ongoing), target group words only in that column.
  EXPECT_EQ(names(this->find(*tx, {}, "Örebro län")), std::vector<std::string>{"Kom-jobb"});
  EXPECT_EQ(names(this->find(*tx, {}, "", "2025-06-01")), (std::vector<std::string>{"Kom-jobb", "Sikta mot arbetslivet"}));
  EXPECT_EQ(names(this->find(*tx, {}, "", "", {"psykisk"})), std::vector<std::string>{"Sikta mot arbetslivet"});
  EXPECT_TRUE(this->find(*tx, {}, "", "", {"jämtlands"}).empty());
  int total = 0;
  CatalogueQuery page;
  page.limit = 2;
  EXPECT_EQ(c.search(page, &total).size(), 2u);
  EXPECT_EQ(total, 4);
  EXPECT_EQ(c.counties().size(), 4u);

  // An update re-indexes the entry: the old words no longer find it.
  auto e = *c.entry(ung);
  e.target_group = "Nyanlända vuxna";
  c.save_entry(e, std::nullopt, 2);
  EXPECT_EQ(names(this->find(*tx, {"unga"})), std::vector<std::string>{"FÅKUS i Åre"});
  EXPECT_EQ(names(this->find(*tx, {"nyanlända"})), std::vector<std::string>{"Ormprojektet"});
  EXPECT_EQ(c.entry(ung)->period_start, "2014");
  tx->commit();
}

TYPED_TEST(CatalogueStoreTest, StrategyWithGoalsItemsStatusAndNotes) {
  auto tx = this->t_->db->begin(true);
  auto& c = tx->catalogue();
  Strategy s{0, "ANDTS 2024–2026", "Södermanlands län", "2024-01-01", "2026-12-31", {}};
  StrategyItem a, b;
  a.focus_area = "Kontrollköp";
  a.actors = "Kommuner Länsstyrelsen";
  b.focus_area = "Tillsyn";
  s.goals = {{0, 2, "Barn och unga ska skyddas", {b}}, {0, 1, "Tillgången ska minska", {a, b}}};
  Id id = c.create_strategy(s, 1);
  auto back = c.strategy(id);
  ASSERT_TRUE(back);
  ASSERT_EQ(back->goals.size(), 2u);
  EXPECT_EQ(back->goals[0].number, 1);  // by number
  ASSERT_EQ(back->goals[0].items.size(), 2u);
  EXPECT_EQ(back->goals[0].items[0].focus_area, "Kontrollköp");
  EXPECT_EQ(back->goals[0].items[1].position, 2);
  EXPECT_EQ(back->goals[0].items[0].status, "not_started");
  Id owner = 0;
  auto item = c.strategy_item(back->goals[0].items[0].id, &owner);
  ASSERT_TRUE(item);
  EXPECT_EQ(owner, id);
  item->status = "ongoing";
  item->responsible = "Länsstyrelsen";
  c.update_strategy_item(*item, 2);
  c.add_strategy_note(item->id, {0, "2025-03-01", "ongoing", "Start i mars", "Lena"}, std::nullopt, 2);
  back = c.strategy(id);
  EXPECT_EQ(back->goals[0].items[0].status, "ongoing");
  EXPECT_EQ(back->goals[0].items[0].responsible, "Länsstyrelsen");
  ASSERT_EQ(back->goals[0].items[0].notes.size(), 1u);
  EXPECT_EQ(back->goals[0].items[0].notes[0].text, "Start i mars");
  EXPECT_EQ(c.strategies().size(), 1u);
  EXPECT_FALSE(c.strategy_item(999999, &owner));
  tx->commit();
}

TYPED_TEST(CatalogueStoreTest, LastingEffectsOfConsentingExitsOnly) {
  auto tx = this->t_->db->begin(true);
  auto& o = tx->organisation();
  Id a = o.save_association({0, "F", ""});
  Id party = o.save_party({0, "Region", "region"});
  Id mun = o.save_municipality({0, "Flen", party, 16000, 0});
  Programme p;
  p.association_id = a;
  p.name = "P";
  p.start_date = "2023-01-01";
  Id programme = o.save_programme(p);
  Id track = o.save_track({0, programme, "arbetsmarknad", "Arbetsmarknad", 18, 65, Role::coach});
  Municipality flen;
  flen.id = mun;
  Id unit = o.save_unit({0, programme, "Västra", party, {flen}});
  auto enrol = [&](const char* exit) {
    Enrolment e;
    e.programme_id = programme;
    e.track_id = track;
    e.unit_id = unit;
    e.municipality_id = mun;
    e.gender = "female";
    e.birth_year = 1990;
    e.start_date = "2023-02-01";
    Id id = tx->participants().create_enrolment(e, 1);
    if (*exit) {
      auto x = *tx->participants().enrolment(id);
      x.exit_date = exit;
      x.outcome = "arbete";
      EXPECT_TRUE(tx->participants().update_enrolment(x));
    }
    return id;
  };
  Id consenting = enrol("2024-03-01"), silent = enrol("2024-03-01"), active = enrol(""), old = enrol("2020-01-01");
  auto& l = tx->lasting_effects();
  for (Id id : {consenting, active, old}) l.set_contact_after_exit(id, true, "2024-03-01");
  EXPECT_TRUE(tx->participants().enrolment(consenting)->contact_after_exit);
  EXPECT_FALSE(tx->participants().enrolment(silent)->contact_after_exit);
  l.record(consenting, {6, "studier", "2024-09-02"}, std::nullopt, 1);
  l.record(consenting, {6, "arbete", "2024-09-03"}, std::nullopt, 2);  // a correction replaces
  auto v = l.of_enrolment(consenting);
  ASSERT_EQ(v.size(), 1u);
  EXPECT_EQ(v[0].status, "arbete");
  auto open = l.open(std::nullopt, unit, "2023-01-01");
  ASSERT_EQ(open.size(), 1u);  // not the silent, the active nor the one exited before the window
  EXPECT_EQ(open[0].enrolment_id, consenting);
  EXPECT_EQ(open[0].recorded_months, std::vector<int>{6});
  EXPECT_EQ(to_string(open[0].exit), "2024-03-01");
  auto facts = tx->reports().facts(programme, "2024-01-01", "2024-12-31");
  for (const auto& f : facts) {
    if (f.enrolment_id == consenting) {
      EXPECT_EQ(f.lasting.at(6), "arbete");
    }
  }
  tx->commit();
}
