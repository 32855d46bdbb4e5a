// Use cases of questionnaires (issue #9): define and version them, open a
// round with one-time links, and read a round's results (aggregates only,
// hidden under 5 responses) with the previous round and the other units'
// rounds beside them, also as xlsx and PDF. Questionnaires and rounds are for
// the insatsansvarig and samordnare (a samordnare's rounds: their own unit);
// results for everyone with a role in the programme. Denials and changes are
// audited. The anonymous answering is in answer_service.hpp.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/questionnaire.hpp"
#include "domain/result.hpp"
#include "store/questionnaire_store.hpp"

namespace stegvis::app {

struct RoundView {
  store::SurveyRound round;
  std::string programme, unit;  // names; unit "" for the whole programme
  RoundState state = RoundState::open;
};

struct QuestionnaireView {
  Questionnaire questionnaire;
  std::vector<RoundView> rounds;  // those the actor may see, oldest first
  bool may_manage = false;
};

struct RoundInput {
  std::optional<Id> programme_id;  // may be left out when the installation has one programme
  std::optional<Id> unit_id;
  std::string opens, closes;
  int invitations = 0;
};

struct RoundCreated {
  Id id = 0;
  std::vector<std::string> tokens;  // shown once: only their hashes are stored
};

struct SaveResult {
  Id id = 0;
  int version = 1;
  bool new_version = false;  // the old version was used in a round and stays as it was
};

struct ComparedRound {
  RoundView round;
  RoundResults results;
};

struct ResultsView {
  Questionnaire questionnaire;
  RoundView round;
  std::vector<QuestionItem> items;  // of the round's version
  RoundResults results;
  std::vector<store::FreeText> free_texts;  // only when not suppressed
  std::optional<ComparedRound> previous;   // the same unit's round before this one
  std::vector<ComparedRound> units;        // other units' rounds open at the same time
  std::vector<RoundView> rounds;           // every round the actor may pick
};

constexpr int kMaxFreeTextsPerItem = 500;

class QuestionnaireService {
 public:
  explicit QuestionnaireService(Env& env) : env_(env) {}

  static bool may_manage(const Actor& a);
  static bool may_manage_round(const Actor& a, std::optional<Id> unit_id);
  // Everyone with a role in the programme: association-level roles (not the administrator) or a unit's.
  static bool may_read_results(const Actor& a, const Programme& p);

  Result<std::vector<Questionnaire>> list(const Actor& actor);
  Result<QuestionnaireView> get(const Actor& actor, Id id);
  Result<SaveResult> create(const Actor& actor, const QuestionnaireDraft& d);
  // Edits in place until a round uses the version; after that the edit is the next version.
  Result<SaveResult> update(const Actor& actor, Id id, const QuestionnaireDraft& d);
  Result<RoundCreated> create_round(const Actor& actor, Id questionnaire_id, const RoundInput& in);
  // round empty: the latest closed round (else the latest).
  Result<ResultsView> results(const Actor& actor, Id questionnaire_id, std::optional<Id> round_id);
  // "xlsx" or "pdf"; audited.
  Result<std::string> results_file(const Actor& actor, Id questionnaire_id, std::optional<Id> round_id,
                                   const std::string& format);

 private:
  Env& env_;
};

}  // namespace stegvis::app
