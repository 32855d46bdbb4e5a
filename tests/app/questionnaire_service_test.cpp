// Questionnaires through the use cases with a clock the test controls: a
// token's life (answered once; refused before the round opens and after it
// closes; an unknown one counted as a guess until a flood is throttled),
// nothing stored for a refused answer, frozen versions, and who may do what.
#include <gtest/gtest.h>

#include "app/services_test_support.hpp"

using namespace stegvis;
using stegvis::test::AppFixture;

namespace {

std::int64_t unix_noon(int y, int m, int d) { return static_cast<std::int64_t>(day_number({y, m, d})) * 86400 + 43200; }

struct Setup {
  Id programme = 0, vastra = 0, sodra = 0;
};

Setup organisation(AppFixture& f) {
  Setup s;
  auto tx = f.env().db.begin(true);
  auto& o = tx->organisation();
  Programme p;
  p.association_id = o.save_association({0, "F", ""});
  p.name = "P";
  p.start_date = "2023-10-01";
  p.end_date = "2028-09-30";
  s.programme = o.save_programme(p);
  s.vastra = o.save_unit({0, s.programme, "Västra", std::nullopt, {}});
  s.sodra = o.save_unit({0, s.programme, "Södra", std::nullopt, {}});
  tx->commit();
  return s;
}

app::Actor with(Role r, std::optional<Id> unit = std::nullopt) {
  app::Actor a = app::system_actor("t");
  a.roles = {{r, unit, std::nullopt, 100}};
  return a;
}

QuestionnaireDraft draft() {
  return {"Samverkan", "insatspersonal", "", {{"a", "Parterna bidrar.", ItemKind::scale, 1, 5, "", "", true},
                                              {"t", "Vad kan bli bättre?", ItemKind::text, 1, 5, "", "", false}}};
}

std::map<std::string, AnswerValue> answer(int a) {
  std::map<std::string, AnswerValue> m;
  m["a"].number = a;
  return m;
}

}  // namespace

TEST(QuestionnaireService, ATokenAnswersOnceInsideItsRoundAndGuessesAreThrottled) {
  AppFixture f;
  auto s = organisation(f);
  f.clock = unix_noon(2025, 3, 1);
  auto lead = with(Role::insatsansvarig);
  auto q = f.services->questionnaires.create(lead, draft());
  ASSERT_TRUE(q);
  auto round = f.services->questionnaires.create_round(lead, q->id, {std::nullopt, s.vastra, "2025-03-03", "2025-03-10", 6});
  ASSERT_TRUE(round) << round.error().message;
  ASSERT_EQ(round->tokens.size(), 6u);
  auto& answers = f.services->answers;
  const auto& t = round->tokens;

  EXPECT_EQ(answers.form(t[0], "10.0.0.1").error().code, ErrorCode::gone);  // not open yet
  f.clock = unix_noon(2025, 3, 3);
  ASSERT_TRUE(answers.form(t[0], "10.0.0.1"));
  // Out of scale: nothing is stored and the token still works.
  EXPECT_EQ(answers.submit(t[0], answer(9), "10.0.0.1").error().field, "answers.a");
  EXPECT_TRUE(answers.submit(t[0], answer(4), "10.0.0.1"));
  EXPECT_EQ(answers.submit(t[0], answer(4), "10.0.0.1").error().code, ErrorCode::gone);  // used
  for (int i = 1; i < 5; ++i) ASSERT_TRUE(answers.submit(t[static_cast<std::size_t>(i)], answer(i), "10.0.0.1"));
  f.clock = unix_noon(2025, 3, 11);
  EXPECT_EQ(answers.submit(t[5], answer(3), "10.0.0.1").error().code, ErrorCode::gone);  // closed

  auto r = f.services->questionnaires.results(lead, q->id, std::nullopt);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->results.responses, 5);
  EXPECT_FALSE(r->results.suppressed);
  EXPECT_DOUBLE_EQ(*r->results.items[0].mean, (4 + 1 + 2 + 3 + 4) / 5.0);
  {
    auto tx = f.env().db.begin(false);
    // Only the day: no token, no address stored with the answers.
    EXPECT_EQ(tx->questionnaires().token_by_hash(crypto::hash_hex(t[0]))->used_on, "2025-03-03");
  }

  // Guesses from one address are counted; past the limit even a good token is refused for a while.
  for (int i = 0; i < f.env().settings.max_failures_per_address; ++i)
    EXPECT_EQ(answers.form(std::string(64, 'a'), "10.0.0.9").error().code, ErrorCode::not_found);
  EXPECT_EQ(answers.form(t[5], "10.0.0.9").error().code, ErrorCode::too_many_requests);
  EXPECT_EQ(answers.form(t[5], "10.0.0.1").error().code, ErrorCode::gone);  // another address is not affected
}

TEST(QuestionnaireService, AVersionUsedInARoundIsFrozenAndAccessFollowsTheRoles) {
  AppFixture f;
  auto s = organisation(f);
  f.clock = unix_noon(2025, 3, 1);
  auto lead = with(Role::insatsansvarig);
  auto karin = with(Role::samordnare, s.vastra);
  auto coach = with(Role::coach, s.vastra);
  auto q = f.services->questionnaires.create(karin, draft());
  ASSERT_TRUE(q);
  auto d = draft();
  d.items[0].text = "Parterna bidrar med det de lovat.";
  auto saved = f.services->questionnaires.update(karin, q->id, d);
  ASSERT_TRUE(saved);
  EXPECT_FALSE(saved->new_version);  // no round yet: edited in place
  EXPECT_EQ(f.services->questionnaires.create(coach, draft()).error().code, ErrorCode::forbidden);
  // A samordnare opens rounds for their own unit only; the insatsansvarig for any.
  EXPECT_EQ(f.services->questionnaires.create_round(karin, q->id, {std::nullopt, s.sodra, "2025-03-01", "2025-03-09", 5})
                .error().code,
            ErrorCode::forbidden);
  EXPECT_EQ(f.services->questionnaires.create_round(karin, q->id, {s.programme, std::nullopt, "2025-03-01", "2025-03-09", 5})
                .error().code,
            ErrorCode::forbidden);
  ASSERT_TRUE(f.services->questionnaires.create_round(karin, q->id, {std::nullopt, s.vastra, "2025-03-01", "2025-03-09", 5}));
  ASSERT_TRUE(f.services->questionnaires.create_round(lead, q->id, {std::nullopt, s.sodra, "2025-03-01", "2025-03-09", 5}));
  d.items[0].text = "Ändrad efter omgången.";
  saved = f.services->questionnaires.update(lead, q->id, d);
  ASSERT_TRUE(saved);
  EXPECT_TRUE(saved->new_version);
  EXPECT_EQ(saved->version, 2);
  // The round keeps its version's items.
  auto r = f.services->questionnaires.results(coach, q->id, std::nullopt);  // a coach of the programme reads aggregates
  ASSERT_TRUE(r);
  EXPECT_EQ(r->items[0].text, "Parterna bidrar med det de lovat.");
  EXPECT_TRUE(r->results.suppressed);  // nobody has answered
  EXPECT_EQ(r->units.size(), 1u);      // Södra's round at the same time
  EXPECT_EQ(f.services->questionnaires.results(with(Role::administrator), q->id, std::nullopt).error().code,
            ErrorCode::forbidden);
  // Denials are audited.
  auto tx = f.env().db.begin(false);
  int total = 0;
  store::AuditFilter filter;
  filter.action = "access.denied";
  tx->audit().search(filter, &total);
  EXPECT_GE(total, 4);
}
