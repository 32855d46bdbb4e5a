// Governance storage on both backends: one body per programme/unit and kind,
// members without a login, meetings with their agenda in order, minutes as
// versions (a draft replaced in place, a correction kept beside the approved
// version), and open actions of the latest minutes by body and by owner.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteG { static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); } };
struct PostgresG { static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); } };
struct GNames {
  template <typename T>
  static std::string GetName(int) { return std::is_same_v<T, SqliteG> ? "Sqlite" : "Postgres"; }
};
}  // namespace

template <typename B>
class GovernanceStoreTest : public ::testing::Test {
 protected:
  void SetUp() override {
    t_ = B::make();
    if (!t_) GTEST_SKIP() << "PostgreSQL not configured (STEGVIS_TEST_PG)";
    auto tx = t_->db->begin(true);
    auto& o = tx->organisation();
    Id a = o.save_association({0, "F", ""});
    party_ = o.save_party({0, "Försäkringskassan", "fk"});
    Programme p;
    p.association_id = a;
    p.name = "P";
    p.start_date = "2023-10-01";
    p.end_date = "2028-09-30";
    programme_ = o.save_programme(p);
    unit_ = o.save_unit({0, programme_, "Västra", party_, {}});
    Staff s;
    s.username = "karin";
    s.name = "Karin";
    s.roles = {{Role::samordnare, unit_, std::nullopt, 100}};
    user_ = tx->staff().create(s, "h", 1);
    tx->commit();
  }
  std::unique_ptr<TestDb> t_;
  Id party_ = 0, programme_ = 0, unit_ = 0, user_ = 0;
};

using GBackends = ::testing::Types<SqliteG, PostgresG>;
TYPED_TEST_SUITE(GovernanceStoreTest, GBackends, GNames);

TYPED_TEST(GovernanceStoreTest, BodiesMeetingsMinutesVersionsAndOpenActions) {
  auto tx = this->t_->db->begin(true);
  auto& g = tx->governance();
  Body team{0, this->programme_, this->unit_, BodyKind::samverkansteam, "Samverkansteam Västra", 14, 120, "Rum 1"};
  team.id = g.save_body(team);
  Body steering{0, this->programme_, std::nullopt, BodyKind::styrgrupp, "Styrgrupp", 0, 150, ""};
  steering.id = g.save_body(steering);
  EXPECT_EQ(g.find_body(this->programme_, this->unit_, BodyKind::samverkansteam)->id, team.id);
  EXPECT_EQ(g.find_body(this->programme_, std::nullopt, BodyKind::styrgrupp)->id, steering.id);
  EXPECT_FALSE(g.find_body(this->programme_, this->unit_, BodyKind::personalmote).has_value());
  EXPECT_EQ(g.bodies(this->programme_).size(), 2u);
  // A second collaboration team for the same unit is refused by the schema.
  Body duplicate{0, this->programme_, this->unit_, BodyKind::samverkansteam, "x", 0, 60, ""};
  EXPECT_ANY_THROW(g.save_body(duplicate));
}

TYPED_TEST(GovernanceStoreTest, MeetingsKeepAgendaMinutesAndActions) {
  auto tx = this->t_->db->begin(true);
  auto& g = tx->governance();
  Body team{0, this->programme_, this->unit_, BodyKind::samverkansteam, "Samverkansteam Västra", 14, 120, "Rum 1"};
  team.id = g.save_body(team);
  g.add_member({0, team.id, this->party_, "Anna Lind", std::nullopt, "2024-01-01", ""});
  g.add_member({0, team.id, std::nullopt, "Karin", this->user_, "2024-01-01", "2024-12-31"});
  auto members = g.members(team.id);
  ASSERT_EQ(members.size(), 2u);
  EXPECT_EQ(members[0].party_id, this->party_);
  EXPECT_FALSE(members[0].user_id.has_value());
  EXPECT_EQ(members[1].end_date, "2024-12-31");
  // One member read back by id, and a membership ended.
  auto anna = g.member(members[0].id);
  ASSERT_TRUE(anna.has_value());
  EXPECT_EQ(anna->name, "Anna Lind");
  g.end_member(anna->id, "2025-06-30");
  EXPECT_EQ(g.member(anna->id)->end_date, "2025-06-30");
  EXPECT_FALSE(g.member(anna->id + 1000).has_value());

  Meeting m;
  m.body_id = team.id;
  m.date = "2025-01-07";
  m.time = "13:00";
  m.place = "Rum 1";
  m.agenda = build_agenda(BodyKind::samverkansteam, {"Egen punkt, med komma"});
  m.attendees = {"Anna Lind", "Berg, Eva"};
  Id first = g.create_meeting(m, this->user_, 100);
  m.date = "2025-01-21";
  m.attendees = {};
  Id second = g.create_meeting(m, std::nullopt, 100);

  auto got = g.meeting(first);
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->agenda.size(), 5u);
  EXPECT_EQ(got->agenda[0].standing, "new_participants");
  EXPECT_EQ(got->agenda[4].text, "Egen punkt, med komma");
  EXPECT_EQ(got->attendees, (std::vector<std::string>{"Anna Lind", "Berg, Eva"}));
  EXPECT_FALSE(got->minutes.has_value());
  EXPECT_TRUE(g.meeting(second)->attendees.empty());

  Minutes x;
  x.version = 1;
  x.text = "Utkast";
  x.decisions = {"B1"};
  x.actions = {{0, first, "Åtgärd A", "Karin", this->user_, "2025-02-01", ""},
               {0, first, "Åtgärd B", "Anna Lind", std::nullopt, "2025-02-10", ""}};
  g.save_minutes(first, x, this->user_, 200);
  x.text = "Utkast 2";  // the draft is replaced, not added
  x.decisions = {"B1", "B2"};
  g.save_minutes(first, x, this->user_, 201);
  ASSERT_EQ(g.minutes_history(first).size(), 1u);
  EXPECT_EQ(g.meeting(first)->minutes->decisions.size(), 2u);
  g.approve_minutes(first, 1, "2025-01-10", this->user_, "Karin");
  EXPECT_TRUE(g.meeting(first)->minutes->approved());
  EXPECT_EQ(g.meeting(first)->minutes->approved_by, "Karin");

  // Open actions: of the body before the second meeting, and of the owner with a login.
  auto open = g.open_actions_of_body(team.id, "2025-01-21");
  ASSERT_EQ(open.size(), 2u);
  EXPECT_EQ(open[0].action.text, "Åtgärd A");
  EXPECT_EQ(open[0].meeting_date, "2025-01-07");
  EXPECT_TRUE(g.open_actions_of_body(team.id, "2025-01-07").empty());
  auto mine = g.open_actions_of_user(this->user_);
  ASSERT_EQ(mine.size(), 1u);
  g.close_action(mine[0].action.id, "2025-01-15");
  EXPECT_TRUE(g.open_actions_of_user(this->user_).empty());
  EXPECT_EQ(g.action(mine[0].action.id)->action.done_on, "2025-01-15");

  // A correction is version 2 beside the approved version 1; only its actions count as open.
  Minutes y = *g.meeting(first)->minutes;
  y.version = 2;
  y.approved_on.clear();
  y.actions = {{0, first, "Åtgärd C", "Karin", this->user_, "2025-03-01", ""}};
  g.save_minutes(first, y, this->user_, 300);
  auto history = g.minutes_history(first);
  ASSERT_EQ(history.size(), 2u);
  EXPECT_TRUE(history[0].approved());
  EXPECT_FALSE(history[1].approved());
  EXPECT_EQ(g.meeting(first)->minutes->version, 2);
  open = g.open_actions_of_body(team.id, "2025-12-31");
  ASSERT_EQ(open.size(), 1u);
  EXPECT_EQ(open[0].action.text, "Åtgärd C");

  auto list = g.meetings(team.id);
  ASSERT_EQ(list.size(), 2u);
  EXPECT_EQ(list[0].id, first);
  EXPECT_EQ(list[0].minutes->version, 2);
  EXPECT_FALSE(list[1].minutes.has_value());
  tx->commit();
}

TYPED_TEST(GovernanceStoreTest, PlanVersionsActivitiesDiariesAndAnnualSections) {
  auto tx = this->t_->db->begin(true);
  auto& g = tx->governance();
  g.add_plan_version({0, this->programme_, "1.0", "Godkänd", "Styrgruppen", "2024-01-26",
                      {{"bakgrund", "B"}, {"mal", "Mål ett\nMål två"}}}, this->user_, 1);
  g.add_plan_version({0, this->programme_, "1.1", "Godkänd", "Styrgruppen", "2024-03-19", {{"mal", "Mål ett"}}},
                     std::nullopt, 2);
  tx->commit();
  {  // one version number once per programme (PostgreSQL aborts the transaction: a separate one)
    auto dup = this->t_->db->begin(true);
    EXPECT_ANY_THROW(dup->governance().add_plan_version({0, this->programme_, "1.1", "x", "y", "2024-04-01", {}},
                                                        std::nullopt, 3));
  }
  tx = this->t_->db->begin(true);
  auto& h = tx->governance();
  auto versions = h.plan_versions(this->programme_);
  ASSERT_EQ(versions.size(), 2u);
  EXPECT_EQ(versions[0].sections.at("mal"), "Mål ett\nMål två");
  EXPECT_EQ(versions[1].sections.size(), 1u);
  EXPECT_EQ(versions[0].date, "2024-01-26");

  ActivityItem item{0, this->programme_, "Hösten 2024", "Konferens", "planned", "", ""};
  Id a = h.save_activity_item(item, 10);
  item.id = a;
  item.status = "done";
  item.evidence = "https://example.se/x";
  h.save_activity_item(item, 11);
  auto stored = h.activity_item(a);
  ASSERT_TRUE(stored.has_value());
  EXPECT_EQ(stored->status, "done");
  EXPECT_EQ(stored->evidence, "https://example.se/x");
  EXPECT_EQ(h.activity_items(this->programme_).size(), 1u);

  DiaryEntry e{0, this->unit_, this->user_, "", "2025-W07", "Text, med komma", {"samverkan", "hinder"}, true, 5};
  h.add_diary_entry(e);
  e.week = "2024-W52";
  e.for_annual_report = false;
  h.add_diary_entry(e);
  auto y2025 = h.diary_entries(this->unit_, 2025);
  ASSERT_EQ(y2025.size(), 1u);
  EXPECT_EQ(y2025[0].themes, (std::vector<std::string>{"samverkan", "hinder"}));
  EXPECT_EQ(y2025[0].author_name, "Karin");
  EXPECT_TRUE(y2025[0].for_annual_report);
  EXPECT_EQ(h.diary_entries(this->unit_, 0).size(), 2u);
  EXPECT_EQ(h.programme_diary_entries(this->programme_, 2024).size(), 1u);

  EXPECT_FALSE(h.annual_sections(this->programme_, 2025).has_value());
  h.add_annual_sections(this->programme_, 2025, {1, {{"sammanfattning", "Ett"}}, "Lena"}, this->user_, 20);
  h.add_annual_sections(this->programme_, 2025, {2, {{"sammanfattning", "Två"}, {"framat", "Tre"}}, "Lena"},
                        this->user_, 21);
  auto s = h.annual_sections(this->programme_, 2025);
  ASSERT_TRUE(s.has_value());
  EXPECT_EQ(s->version, 2);
  EXPECT_EQ(s->texts.at("sammanfattning"), "Två");
  EXPECT_EQ(s->texts.size(), 2u);
  tx->commit();
}
