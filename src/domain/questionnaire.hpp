// Questionnaires (issue #9, domain.md §5): items of a version (statement,
// scale with labelled ends, frequency scale or free text), the respondent
// groups, the rules a definition and an answer must meet, a round's life and
// a token's state, and the results of a round with small-cell suppression.
// Pure: values in, values or an Error naming the path out.
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/date.hpp"
#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis {

enum class ItemKind { scale, frequency, text };

std::string to_code(ItemKind k);
std::optional<ItemKind> item_kind_from_code(const std::string& code);

struct QuestionItem {
  std::string key;  // stable across versions: results of two rounds compare by it
  std::string text;
  ItemKind kind = ItemKind::scale;
  int min = 1, max = 5;  // a frequency scale is always 1–5
  std::string min_label, max_label;
  bool required = false;
};

struct QuestionnaireDraft {
  std::string name, group, description;
  std::vector<QuestionItem> items;
};

struct Questionnaire {
  Id id = 0;
  std::string name, group, description;
  Id version_id = 0;
  int version = 1;
  bool frozen = false;  // the current version is used in a round: editing makes a new version
  std::vector<QuestionItem> items;
};

// The respondent groups of api.md, with Swedish labels.
const std::vector<std::string>& respondent_groups();
std::string respondent_group_label(const std::string& code);
// The labels of the frequency scale's five steps.
const std::vector<std::string>& frequency_labels();
// The label of one value of an item's scale ("" when the value has none).
std::string value_label(const QuestionItem& item, int value);

constexpr std::size_t kMaxItems = 100;
constexpr std::size_t kMaxStatement = 500;
constexpr std::size_t kMaxAnswerText = 2000;
constexpr int kMaxScaleValue = 10;

// 422 naming the path of the first fault (e.g. "items[2].max"), in a Swedish message.
std::optional<Error> check_questionnaire(const QuestionnaireDraft& d);

// One respondent's answer to one item: a number on a scale, or text.
struct AnswerValue {
  std::optional<std::int64_t> number;
  std::optional<std::string> text;
  bool not_integer = false;  // sent as a number with decimals, or as something else
};
// The answers checked against the items: an unknown item, a value outside the scale or a
// missing required item is a 422 whose message names the item (its number and statement).
std::optional<Error> check_answers(const std::vector<QuestionItem>& items,
                                   const std::map<std::string, AnswerValue>& answers);

// A round is open from opens through closes (both days included).
enum class RoundState { not_open, open, closed };
RoundState round_state(const std::string& opens, const std::string& closes, const std::string& today);
std::string to_code(RoundState s);
std::optional<Error> check_round_dates(const std::string& opens, const std::string& closes, const std::string& today);
constexpr int kMaxInvitations = 2000;

// A token as handed out: 64 lowercase hex characters (256 random bits).
bool is_token_shape(const std::string& token);

// A stored answer count: how many answered value v on item key.
struct Tally {
  std::string item_key;
  int value = 0;
  std::int64_t count = 0;
};

struct ItemResult {
  QuestionItem item;
  std::int64_t count = 0;  // answers to this item (texts for a text item)
  bool suppressed = false;  // fewer than 5 answered it: no figures
  std::optional<double> mean;
  std::vector<std::pair<int, std::int64_t>> distribution;  // every value of the scale, 0 included
};

struct RoundResults {
  std::int64_t responses = 0;
  bool suppressed = true;  // fewer than 5 responses: no figures at all
  std::vector<ItemResult> items;
};

// The results of a round from its tallies; under 5 responses nothing but the count.
RoundResults summarise(const std::vector<QuestionItem>& items, std::int64_t responses, const std::vector<Tally>& tallies);

}  // namespace stegvis
