// The questionnaire rules (issue #9): a definition's faults name their path,
// answers must lie on the item's scale and required items be answered, a
// round's life by its days, the token's shape, and suppression of results
// under 5 responses (and of an item fewer than 5 answered).
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "app/questionnaire_import.hpp"
#include "domain/questionnaire.hpp"

using namespace stegvis;

namespace {

QuestionnaireDraft staff() {
  return {"Samverkan", "insatspersonal", "", {{"a", "Parterna bidrar.", ItemKind::scale, 1, 5, "Inte alls", "Helt", true},
                                              {"b", "Hur ofta?", ItemKind::frequency, 1, 5, "", "", false},
                                              {"c", "Sammantaget?", ItemKind::scale, 0, 10, "", "", false},
                                              {"d", "Vad kan bli bättre?", ItemKind::text, 1, 5, "", "", false}}};
}

std::map<std::string, AnswerValue> numbers(std::initializer_list<std::pair<const char*, int>> v) {
  std::map<std::string, AnswerValue> out;
  for (auto [k, n] : v) out[k].number = n;
  return out;
}

}  // namespace

TEST(Questionnaire, ADefinitionsFaultNamesItsPath) {
  EXPECT_FALSE(check_questionnaire(staff()).has_value());
  auto d = staff();
  d.items[2].max = 11;
  auto e = check_questionnaire(d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "items[2].max");
  EXPECT_NE(e->message.find("items[2].max"), std::string::npos);
  EXPECT_EQ(e->code, ErrorCode::unprocessable);
  d = staff();
  d.items[1].key = "a";
  EXPECT_EQ(check_questionnaire(d)->field, "items[1].id");
  d = staff();
  d.group = "alla";
  EXPECT_EQ(check_questionnaire(d)->field, "group");
  d = staff();
  d.items[0].max = 1;  // max must exceed min
  EXPECT_EQ(check_questionnaire(d)->field, "items[0].max");
  d.items.clear();
  EXPECT_EQ(check_questionnaire(d)->field, "items");
}

TEST(Questionnaire, TheJsonFormNamesTheWrongTypesPath) {
  QuestionnaireDraft d;
  auto j = nlohmann::json::parse(R"({"name":"X","group":"team","items":[
      {"id":"a","text":"t","kind":"scale"},{"id":"b","text":"t","kind":"scale"},{"id":"c","text":"t","kind":"scale","max":"fem"}]})");
  auto e = app::questionnaire_from_json(j, d);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "items[2].max");
  EXPECT_EQ(e->code, ErrorCode::invalid_input);
  j["items"][2].erase("max");
  j["items"][1]["kind"] = "stars";
  EXPECT_EQ(app::questionnaire_from_json(j, d)->field, "items[1].kind");
  j["items"][1].erase("text");
  j["items"][1]["kind"] = "text";
  EXPECT_EQ(app::questionnaire_from_json(j, d)->field, "items[1].text");
}

TEST(Questionnaire, EveryShippedQuestionnaireIsValid) {
  ASSERT_GE(app::shipped_questionnaires().size(), 5u);
  std::set<std::string> groups;
  for (const auto& s : app::shipped_questionnaires()) groups.insert(app::shipped_draft(s.file).group);
  for (const char* g : {"team", "insatspersonal", "styrgrupp", "deltagare_pagaende"}) EXPECT_TRUE(groups.count(g)) << g;
}

TEST(Questionnaire, AnswersMustLieOnTheScaleAndRequiredItemsBeAnswered) {
  const auto items = staff().items;
  EXPECT_FALSE(check_answers(items, numbers({{"a", 5}, {"b", 1}, {"c", 0}})).has_value());
  EXPECT_FALSE(check_answers(items, numbers({{"a", 1}})).has_value());  // optional items may be skipped
  auto e = check_answers(items, numbers({{"a", 6}}));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "answers.a");
  EXPECT_NE(e->message.find("fråga 1"), std::string::npos);
  EXPECT_NE(e->message.find("1 till 5"), std::string::npos);
  EXPECT_EQ(check_answers(items, numbers({{"a", 3}, {"b", 0}}))->field, "answers.b");  // frequency is 1–5
  EXPECT_EQ(check_answers(items, numbers({{"a", 3}, {"c", 11}}))->field, "answers.c");
  e = check_answers(items, numbers({{"b", 3}}));
  ASSERT_TRUE(e);
  EXPECT_EQ(e->field, "answers.a");
  EXPECT_NE(e->message.find("obligatorisk"), std::string::npos);
  auto decimals = numbers({{"a", 3}});
  decimals["c"].not_integer = true;
  EXPECT_EQ(check_answers(items, decimals)->field, "answers.c");
  auto text_for_scale = numbers({});
  text_for_scale["a"].text = "fem";
  EXPECT_EQ(check_answers(items, text_for_scale)->field, "answers.a");
  EXPECT_EQ(check_answers(items, numbers({{"a", 3}, {"zz", 1}}))->field, "answers.zz");
  auto blank_required = staff().items;
  blank_required[3].required = true;
  auto with_blank = numbers({{"a", 3}});
  with_blank["d"].text = "   ";
  EXPECT_EQ(check_answers(blank_required, with_blank)->field, "answers.d");
}

TEST(Questionnaire, ARoundIsOpenFromItsFirstThroughItsLastDay) {
  EXPECT_EQ(round_state("2025-03-01", "2025-03-21", "2025-02-28"), RoundState::not_open);
  EXPECT_EQ(round_state("2025-03-01", "2025-03-21", "2025-03-01"), RoundState::open);
  EXPECT_EQ(round_state("2025-03-01", "2025-03-21", "2025-03-21"), RoundState::open);
  EXPECT_EQ(round_state("2025-03-01", "2025-03-21", "2025-03-22"), RoundState::closed);
  EXPECT_EQ(check_round_dates("2025-03-10", "2025-03-01", "2025-03-01")->field, "closes");
  EXPECT_EQ(check_round_dates("2025-01-01", "2025-02-01", "2025-03-01")->field, "closes");  // already closed
  EXPECT_EQ(check_round_dates("2025-13-01", "2026-02-01", "2025-03-01")->field, "opens");
  EXPECT_FALSE(check_round_dates("2025-03-01", "2025-03-01", "2025-03-01").has_value());
}

TEST(Questionnaire, ATokenIs256BitsAsLowercaseHex) {
  EXPECT_TRUE(is_token_shape(std::string(64, 'a')));
  EXPECT_FALSE(is_token_shape(std::string(63, 'a')));
  EXPECT_FALSE(is_token_shape(std::string(64, 'A')));
  EXPECT_FALSE(is_token_shape(std::string(63, 'a') + "'"));
}

TEST(Questionnaire, ResultsAreHiddenUnderFiveResponsesAndPerItemUnderFiveAnswers) {
  const auto items = staff().items;
  std::vector<Tally> t{{"a", 1, 1}, {"a", 4, 2}, {"a", 5, 1}};
  auto r = summarise(items, 4, t);
  EXPECT_TRUE(r.suppressed);
  EXPECT_FALSE(r.items[0].mean.has_value());
  EXPECT_TRUE(r.items[0].distribution.empty());

  t = {{"a", 1, 1}, {"a", 4, 2}, {"a", 5, 3}, {"b", 2, 6}, {"c", 7, 2}, {"d", 0, 5}};
  r = summarise(items, 6, t);
  EXPECT_FALSE(r.suppressed);
  EXPECT_EQ(r.items[0].count, 6);
  EXPECT_DOUBLE_EQ(*r.items[0].mean, (1 + 8 + 15) / 6.0);
  ASSERT_EQ(r.items[0].distribution.size(), 5u);
  EXPECT_EQ(r.items[0].distribution[1], (std::pair<int, std::int64_t>{2, 0}));  // a value nobody chose is 0
  EXPECT_EQ(r.items[1].distribution.size(), 5u);
  EXPECT_TRUE(r.items[2].suppressed);  // two answered the optional item
  EXPECT_FALSE(r.items[2].mean.has_value());
  EXPECT_EQ(r.items[3].count, 5);  // free texts
  EXPECT_FALSE(r.items[3].mean.has_value());
  EXPECT_EQ(value_label(items[1], 5), "Alltid");
  EXPECT_EQ(value_label(items[0], 1), "Inte alls");
}
