// Storage for questionnaires (issue #9): questionnaires with versions of
// items, rounds with their one-time tokens (only the hash is kept), and the
// anonymous responses: no token, no address, only the day. Each answer also
// counts into a tally per round, item and value, so that a round's results
// cost the same with 50 or 100 000 responses.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "domain/questionnaire.hpp"

namespace stegvis::store {

struct SurveyRound {
  Id id = 0;
  Id questionnaire_id = 0, version_id = 0, programme_id = 0;
  int version = 0;
  std::optional<Id> unit_id;
  std::string opens, closes;
  int invitations = 0;
  std::int64_t responses = 0;  // filled on read
};

struct SurveyToken {
  Id id = 0;
  Id round_id = 0;
  std::string used_on;  // "" while unused
};

struct StoredAnswer {
  std::string item_key;
  std::optional<int> value;  // scale and frequency items
  std::string text;          // text items
};

struct FreeText {
  std::string item_key, text;
};

class QuestionnaireStore {
 public:
  virtual ~QuestionnaireStore() = default;

  // By name; each with its current version and items.
  virtual std::vector<Questionnaire> questionnaires() = 0;
  virtual std::optional<Questionnaire> questionnaire(Id id) = 0;
  // Inserts the questionnaire with version 1 of its items.
  virtual Id create_questionnaire(const QuestionnaireDraft& d, std::optional<Id> by, std::int64_t now) = 0;
  virtual void update_fields(Id id, const QuestionnaireDraft& d) = 0;  // name, group, description
  // Replaces the items of a version no round uses yet.
  virtual void replace_items(Id version_id, const std::vector<QuestionItem>& items) = 0;
  // Adds the next version with these items and makes it current; returns its number.
  virtual int add_version(Id questionnaire_id, const std::vector<QuestionItem>& items, std::int64_t now) = 0;
  virtual std::vector<QuestionItem> items(Id version_id) = 0;

  // Inserts the round and one unused token per hash.
  virtual Id create_round(const SurveyRound& r, const std::vector<std::string>& token_hashes, std::optional<Id> by,
                          std::int64_t now) = 0;
  virtual std::optional<SurveyRound> round(Id id) = 0;
  virtual std::vector<SurveyRound> rounds(Id questionnaire_id) = 0;  // by opening day, oldest first

  virtual std::optional<SurveyToken> token_by_hash(const std::string& token_hash) = 0;
  // Marks the token used on this day; false when it already was (a concurrent answer won).
  virtual bool consume_token(Id token_id, const std::string& day) = 0;
  // One response with its answers, counted into the round's tallies.
  virtual void add_response(Id round_id, const std::string& day, const std::vector<StoredAnswer>& answers) = 0;
  virtual std::int64_t response_count(Id round_id) = 0;
  virtual std::vector<Tally> tallies(Id round_id) = 0;
  // The round's free-text answers, by item and text (never in the order they came), at most limit per item.
  virtual std::vector<FreeText> free_texts(Id round_id, int limit) = 0;
};

}  // namespace stegvis::store
