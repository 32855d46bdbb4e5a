// SQL for questionnaires, rounds, tokens and anonymous responses with their tallies.
#pragma once
#include <soci/soci.h>

#include "store/questionnaire_store.hpp"

namespace stegvis::store::sql {

class SqlQuestionnaireStore final : public QuestionnaireStore {
 public:
  explicit SqlQuestionnaireStore(soci::session& s) : sql_(s) {}

  std::vector<Questionnaire> questionnaires() override;
  std::optional<Questionnaire> questionnaire(Id id) override;
  Id create_questionnaire(const QuestionnaireDraft& d, std::optional<Id> by, std::int64_t now) override;
  void update_fields(Id id, const QuestionnaireDraft& d) override;
  void replace_items(Id version_id, const std::vector<QuestionItem>& items) override;
  int add_version(Id questionnaire_id, const std::vector<QuestionItem>& items, std::int64_t now) override;
  std::vector<QuestionItem> items(Id version_id) override;
  Id create_round(const SurveyRound& r, const std::vector<std::string>& token_hashes, std::optional<Id> by,
                  std::int64_t now) override;
  std::optional<SurveyRound> round(Id id) override;
  std::vector<SurveyRound> rounds(Id questionnaire_id) override;
  std::optional<SurveyToken> token_by_hash(const std::string& token_hash) override;
  bool consume_token(Id token_id, const std::string& day) override;
  void add_response(Id round_id, const std::string& day, const std::vector<StoredAnswer>& answers) override;
  std::int64_t response_count(Id round_id) override;
  std::vector<Tally> tallies(Id round_id) override;
  std::vector<FreeText> free_texts(Id round_id, int limit) override;

 private:
  std::vector<Questionnaire> query(const std::string& where, long long id);
  std::vector<SurveyRound> query_rounds(const std::string& where, long long id);
  void insert_items(long long version_id, const std::vector<QuestionItem>& items);
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
