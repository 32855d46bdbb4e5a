// Questionnaire storage on both backends: versions of items (the current one
// read back in order), rounds with hashed tokens consumed once, responses
// counted into tallies per item and value, and free texts in text order.
#include <gtest/gtest.h>

#include "support/test_db.hpp"

using namespace stegvis;
using namespace stegvis::store;
using stegvis::test::TestDb;

namespace {
struct SqliteQ { static std::unique_ptr<TestDb> make() { return test::fresh_sqlite(); } };
struct PostgresQ { static std::unique_ptr<TestDb> make() { return test::fresh_postgresql(); } };
struct QNames {
  template <typename T>
  static std::string GetName(int) { return std::is_same_v<T, SqliteQ> ? "Sqlite" : "Postgres"; }
};
}  // namespace

template <typename B>
class QuestionnaireStoreTest : public ::testing::Test {
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
  std::unique_ptr<TestDb> t_;
  Id programme_ = 0, unit_ = 0;
};

using QBackends = ::testing::Types<SqliteQ, PostgresQ>;
TYPED_TEST_SUITE(QuestionnaireStoreTest, QBackends, QNames);

TYPED_TEST(QuestionnaireStoreTest, VersionsRoundsTokensResponsesAndTallies) {
  auto tx = this->t_->db->begin(true);
  auto& q = tx->questionnaires();
  QuestionnaireDraft d{"Samverkan", "insatspersonal", "Intro",
                       {{"b", "Andra", ItemKind::frequency, 1, 5, "", "", true},
                        {"a", "Första", ItemKind::scale, 0, 10, "Dåligt", "Bra", false},
                        {"t", "Fritt", ItemKind::text, 1, 5, "", "", false}}};
  Id id = q.create_questionnaire(d, std::nullopt, 1);
  auto got = q.questionnaire(id);
  ASSERT_TRUE(got);
  EXPECT_EQ(got->version, 1);
  EXPECT_FALSE(got->frozen);
  ASSERT_EQ(got->items.size(), 3u);
  EXPECT_EQ(got->items[0].key, "b");  // in the order written
  EXPECT_EQ(got->items[1].max_label, "Bra");
  EXPECT_EQ(got->items[1].min, 0);

  SurveyRound r;
  r.questionnaire_id = id;
  r.version_id = got->version_id;
  r.programme_id = this->programme_;
  r.unit_id = this->unit_;
  r.opens = "2025-03-01";
  r.closes = "2025-03-21";
  r.invitations = 3;
  Id round = q.create_round(r, {"h1", "h2", "h3"}, std::nullopt, 2);
  EXPECT_TRUE(q.questionnaire(id)->frozen);
  EXPECT_EQ(q.add_version(id, {d.items[1]}, 3), 2);
  EXPECT_EQ(q.questionnaire(id)->items.size(), 1u);
  EXPECT_EQ(q.items(got->version_id).size(), 3u);  // the round's version is kept as it was
  EXPECT_EQ(q.round(round)->version, 1);

  auto token = q.token_by_hash("h2");
  ASSERT_TRUE(token);
  EXPECT_TRUE(token->used_on.empty());
  EXPECT_TRUE(q.consume_token(token->id, "2025-03-02"));
  EXPECT_FALSE(q.consume_token(token->id, "2025-03-02"));
  EXPECT_EQ(q.token_by_hash("h2")->used_on, "2025-03-02");
  EXPECT_FALSE(q.token_by_hash("nope").has_value());

  q.add_response(round, "2025-03-02", {{"b", 4, ""}, {"a", 7, ""}, {"t", std::nullopt, "Öppnare möten"}});
  q.add_response(round, "2025-03-02", {{"b", 4, ""}, {"t", std::nullopt, "Avstämning varje vecka"}});
  EXPECT_EQ(q.response_count(round), 2);
  EXPECT_EQ(q.rounds(id).front().responses, 2);
  auto tallies = q.tallies(round);
  ASSERT_EQ(tallies.size(), 3u);
  EXPECT_EQ(tallies[0].item_key, "a");
  EXPECT_EQ(tallies[1].item_key, "b");
  EXPECT_EQ(tallies[1].value, 4);
  EXPECT_EQ(tallies[1].count, 2);
  EXPECT_EQ(tallies[2].count, 2);  // two free texts under value 0
  auto texts = q.free_texts(round, 10);
  ASSERT_EQ(texts.size(), 2u);
  EXPECT_EQ(texts[0].text, "Avstämning varje vecka");  // by text, not by arrival
  EXPECT_EQ(q.free_texts(round, 1).size(), 1u);
}
