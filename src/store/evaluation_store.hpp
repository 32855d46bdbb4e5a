// The evaluator export's one read: every enrolment of a programme active in a
// period, with its ratings and goal ratings, in three set-based queries (never
// one per enrolment). The pseudonym is made here, where the installation key is:
// keyed BLAKE2b over the programme and the person (or the enrolment, for an
// anonymous one), so it is stable per programme, differs between programmes and
// cannot be reversed without the key.
#pragma once
#include <string>
#include <vector>

#include "domain/evaluation.hpp"

namespace stegvis::store {

class EvaluationStore {
 public:
  virtual ~EvaluationStore() = default;
  // Enrolments with start ≤ to and (no exit or exit ≥ from); ratings up to `to`.
  // Sorted by pseudonym and start date, which reveals nothing of the order of entry.
  virtual std::vector<EvaluationFacts> evaluation_facts(Id programme_id, const std::string& from,
                                                        const std::string& to) = 0;
};

// The pseudonym's key purpose and input, shared with tests that check it independently.
std::string pseudonym_purpose(Id programme_id);
std::string pseudonym_subject(bool anonymous, std::optional<Id> person_id, Id enrolment_id);
inline constexpr std::size_t kPseudonymLength = 16;  // hex characters (64 bits)

}  // namespace stegvis::store
