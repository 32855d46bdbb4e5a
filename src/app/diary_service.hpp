// Use cases of the staff diaries (veckodagböcker): written and read by the
// unit's staff only. A personal number is refused; names of participants the
// writer may already see are warned about (422) until the writer confirms.
// Only those names are checked: a warning about a participant the writer
// cannot see would itself tell them who takes part.
#pragma once
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/diary.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

class DiaryService {
 public:
  explicit DiaryService(Env& env) : env_(env) {}

  // acknowledge_names: save even though the text names participants (after the warning).
  Result<Id> add(const Actor& actor, DiaryEntry e, bool acknowledge_names);
  Result<std::vector<DiaryEntry>> list(const Actor& actor, Id unit_id, int year);

 private:
  Env& env_;
};

bool may_use_diary(const Actor& a, Id unit_id);

}  // namespace stegvis::app
