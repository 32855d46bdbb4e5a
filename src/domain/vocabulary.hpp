// The code lists of the participant path (api.md "Vocabulary", domain.md §4):
// codes in JSON and the database, Swedish labels in the UI. Codes are accepted
// also in their Swedish spelling with å/ä/ö ("försörjningsstöd" = "forsorjningsstod").
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace stegvis {

struct Term {
  std::string code;
  std::string label_sv;
};

const std::vector<Term>& income_sources();    // forsorjningsstod … annan
const std::vector<Term>& exit_outcomes();     // arbete … annat
const std::vector<Term>& contact_kinds();     // meeting, phone, digital, group, employer, authority
const std::vector<Term>& activity_kinds();    // coaching … annat
const std::vector<Term>& goal_areas();        // tilltro, arbetsmarknadskunskap, studier, insats, maende
const std::vector<Term>& genders();           // female, male, other
const std::vector<Term>& education_levels();  // forgymnasial, gymnasial, eftergymnasial, okand
const std::vector<Term>& support_durations();  // under_1, 1_2, 2_5, over_5 (years with public support)
const std::vector<Term>& occupations();       // arbetslos, sjukskriven, studerande, arbete_del, arbete_hel, annat

// The canonical code for input (a code, or its Swedish spelling with å/ä/ö, any case),
// or nothing when it is not in the list.
std::optional<std::string> normalise_code(const std::vector<Term>& list, std::string_view input);
// Lower-case ASCII with å/ä/ö (either case) as a/a/o; other bytes unchanged ("Vingåker" → "vingaker").
std::string fold(std::string_view s);
std::string label_of(const std::vector<Term>& list, std::string_view code);

// Outcomes that count as "work, studies, continued rehabilitation or Af/FK cooperation" (Sikta's target).
bool is_progression_outcome(std::string_view outcome_code);

}  // namespace stegvis
