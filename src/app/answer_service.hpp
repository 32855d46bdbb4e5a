// The anonymous answer path (issue #9): a respondent opens a one-time link and
// answers without logging in. Nothing that identifies them is kept: not the
// token (the response is not linked to it), not the address, not the time of
// day; the token is only marked used on that day, in the same transaction as
// the answers. Unknown tokens count as guesses per (hashed) address and a
// flood of them is refused for a while, as failed logins are. Answers are not
// written to the audit log: an entry's exact time would date the response.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "app/env.hpp"
#include "domain/questionnaire.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

struct AnswerForm {
  std::string name, description, group;
  std::vector<QuestionItem> items;
  std::string closes;
};

class AnswerService {
 public:
  explicit AnswerService(Env& env) : env_(env) {}

  // 404 unknown, 410 used or not open (yet or any more), 429 after a flood of guesses.
  Result<AnswerForm> form(const std::string& token, const std::string& address);
  // The same refusals, and 422 naming the item for an answer outside its scale or a missing required item.
  Status submit(const std::string& token, const std::map<std::string, AnswerValue>& answers, const std::string& address);

 private:
  Env& env_;
};

}  // namespace stegvis::app
