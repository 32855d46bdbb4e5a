// The demo of issue #9: the programme catalogue (the 19 entries of seed 003
// plus this installation's own programmes, linked to their live figures), the
// ANDTS strategy action programme 2024–2026 with a few items under way, and
// the lasting effect: consent to contact after exit for most exited
// participants, checks recorded for older exits, and Västra exits 6–13 months
// ago left due in "Att göra".
#pragma once
#include <string>
#include <vector>

#include "app/env.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

extern const char* const kFinsamCatalogueCsv;
extern const char* const kAndtsGoalsCsv;
extern const char* const kAndtsActionProgrammeCsv;

// RFC 4180 rows (quoted fields with "" and line breaks), header included.
std::vector<std::vector<std::string>> parse_csv(const std::string& text);

// Needs the demo organisation and participants.
Status load_demo_learning(Env& env);

}  // namespace stegvis::app
