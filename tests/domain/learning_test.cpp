// Issue #9's pure rules: a search text becomes plain word tokens that cannot
// break out of FTS5's or PostgreSQL's query syntax, catalogue periods and
// "active on", the lasting-effect due dates and checks, progress per goal.
#include <gtest/gtest.h>

#include "app/demo_learning.hpp"
#include "domain/catalogue.hpp"
#include "domain/lasting_effect.hpp"
#include "domain/strategy.hpp"

namespace stegvis {
namespace {

Date d(const char* s) { return *parse_date(s); }

TEST(CatalogueSearch, SyntaxCharactersSeparateWordsAndNothingElseReachesTheQuery) {
  auto t = search_terms("\"unga\" OR * NEAR(Sörmland, 'x') -arbete ^col:ÅRE", "q");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, (std::vector<std::string>{"unga", "sörmland", "x", "arbete", "col", "åre"}));
  EXPECT_EQ(fts5_match({"unga", "near"}, {"sörmland"}), "\"ung\"* AND \"near\"* AND target_group : \"sörmland\"*");
  EXPECT_EQ(tsquery_text({"unga", "sörmland"}), "unga:* & sörmland:*");
  // Only symbols: a clear Swedish message naming the field; an empty search is fine.
  auto none = search_terms("\"*' ( ) - : ^ \" –", "q");
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().field, "q");
  EXPECT_NE(none.error().message.find("ord"), std::string::npos);
  EXPECT_TRUE(search_terms("  ", "q")->empty());
  EXPECT_FALSE(search_terms("NEAR OR", "q"));
  // At most 8 words of at most 40 characters.
  EXPECT_EQ(search_terms("a b c d e f g h i j", "q")->size(), 8u);
  EXPECT_EQ(search_terms(std::string(100, 'x'), "q")->front().size(), 40u);
}

TEST(CatalogueSearch, LightStemCutsSwedishEndingsKeepingThreeLetters) {
  EXPECT_EQ(search_stem("unga"), "ung");
  EXPECT_EQ(search_stem("ungdomar"), "ungdom");
  EXPECT_EQ(search_stem("insatser"), "insats");
  EXPECT_EQ(search_stem("sörmland"), "sörmland");
  EXPECT_EQ(search_stem("åra"), "åra");  // "år" would be two letters
}

TEST(CatalogueEntries, PeriodsAsWrittenAndActiveOnADay) {
  EXPECT_EQ(period_first_day("2012-09"), "2012-09-01");
  EXPECT_EQ(period_last_day("2024-02"), "2024-02-29");
  EXPECT_EQ(period_last_day("2015"), "2015-12-31");
  EXPECT_EQ(period_first_day("hösten"), "");
  CatalogueEntry e;
  e.name = "Ung och aktiv";
  e.period_start = "2014-01-01";
  e.period_end = "2015-06-30";
  EXPECT_TRUE(active_on(e, "2015-06-30"));
  EXPECT_FALSE(active_on(e, "2015-07-01"));
  e.period_end = "";  // open-ended
  EXPECT_TRUE(active_on(e, "2030-01-01"));
  e.period_start = "";  // unknown start: never "active"
  EXPECT_FALSE(active_on(e, "2015-01-01"));
  e.period_start = "2016";
  e.period_end = "2015";
  EXPECT_EQ(check_catalogue_entry(e)->field, "period_end");
  e.period_end = "våren";
  EXPECT_EQ(check_catalogue_entry(e)->field, "period_end");
}

TEST(CatalogueEntries, TheDemoCatalogueHasNineteenValidEntries) {
  auto rows = app::parse_csv(app::kFinsamCatalogueCsv);
  ASSERT_EQ(rows.size(), 20u);
  for (std::size_t i = 1; i < rows.size(); ++i) {
    CatalogueEntry e;
    e.name = rows[i][0];
    e.period_start = rows[i][5];
    e.period_end = rows[i][6];
    e.purpose = rows[i][7];
    EXPECT_FALSE(check_catalogue_entry(e)) << e.name;
  }
  EXPECT_EQ(app::parse_csv(app::kAndtsActionProgrammeCsv).size(), 32u);
}

TEST(LastingEffect, DueSixAndTwelveMonthsAfterExitListedFromTwoWeeksBefore) {
  std::vector<LastingSnapshot> s{{1, "#1", d("2024-08-31"), {}}, {2, "#2", d("2024-01-15"), {6}}};
  auto items = lasting_due_work(s, {6, 12}, d("2025-02-20"));
  // #1: 6 months due 2025-02-28 (listed 14 days before), 12 months not yet; #2: 6 recorded, 12 overdue.
  ASSERT_EQ(items.size(), 2u);
  EXPECT_EQ(items[0].enrolment_id, 1);
  EXPECT_EQ(items[0].months, 6);
  EXPECT_EQ(to_string(items[0].due), "2025-02-28");
  EXPECT_FALSE(items[0].overdue);
  EXPECT_EQ(items[1].enrolment_id, 2);
  EXPECT_EQ(items[1].months, 12);
  EXPECT_TRUE(items[1].overdue);
  EXPECT_EQ(items[1].kind, "lasting_effect");
  EXPECT_TRUE(lasting_due_work(s, {6, 12}, d("2025-02-13")).size() == 1u);  // #1 not yet listed
}

TEST(LastingEffect, ACheckNeedsAConfiguredMonthAKnownStatusAndItsTime) {
  const Date exit = d("2024-06-10"), today = d("2025-01-05");
  EXPECT_FALSE(check_lasting_effect({6, "arbete", "2024-12-20"}, exit, {6, 12}, today));
  EXPECT_FALSE(check_lasting_effect({6, kNotReached, "2024-11-10"}, exit, {6, 12}, today));  // 31 days early is fine
  EXPECT_EQ(check_lasting_effect({6, "arbete", "2024-11-08"}, exit, {6, 12}, today)->code, ErrorCode::unprocessable);
  EXPECT_EQ(check_lasting_effect({12, "arbete", "2025-01-05"}, exit, {6, 12}, today)->field, "date");
  EXPECT_EQ(check_lasting_effect({9, "arbete", "2024-12-20"}, exit, {6, 12}, today)->field, "months");
  EXPECT_EQ(check_lasting_effect({6, "pension", "2024-12-20"}, exit, {6, 12}, today)->field, "status");
  EXPECT_EQ(check_lasting_effect({6, "arbete", "2025-01-06"}, exit, {6, 12}, today)->field, "date");
  EXPECT_TRUE(is_lasting_status("okand_ej_nadd"));
  EXPECT_EQ(lasting_status_label("okand_ej_nadd"), "Okänd, ej nådd");
}

TEST(Strategy, ProgressPerGoalIsTheShareDoneAndOngoing) {
  StrategyGoal g{1, 1, "Tillgången ska minska", {}};
  for (const char* s : {"done", "ongoing", "ongoing", "not_started"}) {
    StrategyItem i;
    i.status = s;
    g.items.push_back(i);
  }
  auto p = goal_progress(g);
  EXPECT_EQ(p.items, 4);
  EXPECT_EQ(p.done, 1);
  EXPECT_EQ(p.ongoing, 2);
  EXPECT_DOUBLE_EQ(p.done_pct, 25.0);
  EXPECT_DOUBLE_EQ(p.ongoing_pct, 50.0);
  EXPECT_DOUBLE_EQ(goal_progress(StrategyGoal{}).done_pct, 0.0);
  Strategy s{1, "ANDTS", "", "", "", {g, g}};
  EXPECT_EQ(strategy_progress(s).done, 2);
  EXPECT_EQ(check_item_update("finished", "", "")->field, "status");
  EXPECT_EQ(check_item_update("done", std::string(201, 'x'), "")->field, "responsible");
  EXPECT_FALSE(check_item_update("ongoing", "Länsstyrelsen", "Start i mars"));
}

}  // namespace
}  // namespace stegvis
