// The code lists of the participant path (api.md "Vocabulary", domain.md §4):
// constant tables of codes and Swedish labels, and the folding that accepts
// a code in any case and in its Swedish spelling with å/ä/ö.
#include "domain/vocabulary.hpp"

#include <algorithm>
#include <array>

namespace stegvis {

const std::vector<Term>& income_sources() {
  static const std::vector<Term> list = {
      {"forsorjningsstod", "Försörjningsstöd"},
      {"sjukpenning", "Sjukpenning"},
      {"aktivitetsersattning", "Aktivitetsersättning"},
      {"sjukersattning", "Sjukersättning"},
      {"aktivitetsstod", "Aktivitetsstöd/arbetslöshetsersättning"},
      {"etableringsersattning", "Etableringsersättning"},
      {"lon", "Lön"},
      {"studiemedel", "Studiemedel"},
      {"ingen", "Ingen ersättning"},
      {"annan", "Annan ersättning"},
  };
  return list;
}

const std::vector<Term>& exit_outcomes() {
  static const std::vector<Term> list = {
      {"arbete", "Arbete (utan stöd)"},
      {"arbete_med_stod", "Arbete med stöd (subventionerat)"},
      {"studier", "Studier"},
      {"arbetssokande", "Arbetssökande"},
      {"ame_rehab", "Fortsatt rehabilitering via kommunens arbetsmarknadsenhet"},
      {"af_fk_samarbete", "Af/FK förstärkt samarbete"},
      {"annan_insats", "Annan insats"},
      {"vard_sjukskrivning", "Sjukskrivning/vård"},
      {"flyttat", "Flyttat"},
      {"avbrott", "Avbrott"},
      {"annat", "Annat"},
  };
  return list;
}

const std::vector<Term>& contact_kinds() {
  static const std::vector<Term> list = {
      {"meeting", "Möte"},
      {"phone", "Telefon"},
      {"digital", "Digitalt möte"},
      {"group", "Gruppaktivitet"},
      {"employer", "Kontakt med arbetsgivare"},
      {"authority", "Kontakt med myndighet"},
  };
  return list;
}

const std::vector<Term>& activity_kinds() {
  static const std::vector<Term> list = {
      {"coaching", "Individuell coachning"},
      {"gruppaktivitet", "Gruppaktivitet"},
      {"daglig_verksamhet", "Daglig verksamhet"},
      {"studier", "Studier"},
      {"praktik", "Praktik"},
      {"arbetstraning", "Arbetsträning"},
      {"arbetsprovning", "Arbetsprövning"},
      {"utredning_behandling", "Utredning/behandling via regionen"},
      {"annat", "Annat"},
  };
  return list;
}

const std::vector<Term>& goal_areas() {
  static const std::vector<Term> list = {
      {"tilltro", "Ökad tilltro till den egna förmågan"},
      {"arbetsmarknadskunskap", "Ökade kunskaper om arbetsmarknaden"},
      {"studier", "Ökade möjligheter till studier"},
      {"insats", "Förbättrade möjligheter att gå till lämplig insats"},
      {"maende", "Förbättrat mående"},
  };
  return list;
}

const std::vector<Term>& genders() {
  static const std::vector<Term> list = {
      {"female", "Kvinna"},
      {"male", "Man"},
      {"other", "Annat/vill inte ange"},
  };
  return list;
}

const std::vector<Term>& education_levels() {
  static const std::vector<Term> list = {
      {"forgymnasial", "Förgymnasial"},
      {"gymnasial", "Gymnasial"},
      {"eftergymnasial", "Eftergymnasial"},
      {"okand", "Okänd"},
  };
  return list;
}

const std::vector<Term>& support_durations() {
  static const std::vector<Term> list = {
      {"under_1", "Mindre än 1 år"},
      {"1_2", "1–2 år"},
      {"2_5", "2–5 år"},
      {"over_5", "Mer än 5 år"},
  };
  return list;
}

const std::vector<Term>& occupations() {
  static const std::vector<Term> list = {
      {"arbetslos", "Arbetslös"},
      {"sjukskriven", "Sjukskriven"},
      {"studerande", "Studerande"},
      {"arbete_del", "Arbete deltid"},
      {"arbete_hel", "Arbete heltid"},
      {"annat", "Annat"},
  };
  return list;
}

namespace {

// The ASCII letter for the second byte of a UTF-8 Å Ä Ö å ä ö (lead byte 0xC3), 0 otherwise.
char fold_swedish(unsigned char second) {
  switch (second) {
    case 0x85: case 0x84: case 0xA5: case 0xA4: return 'a';  // Å Ä å ä
    case 0x96: case 0xB6: return 'o';                        // Ö ö
    default: return 0;
  }
}

}  // namespace

std::string fold(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    const char folded = c == 0xC3 && i + 1 < s.size() ? fold_swedish(static_cast<unsigned char>(s[i + 1])) : 0;
    if (folded) {
      out += folded;
      ++i;
      continue;
    }
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c);
  }
  return out;
}

namespace {

const Term* find_term(const std::vector<Term>& list, std::string_view input) {
  const std::string folded = fold(input);
  auto it = std::find_if(list.begin(), list.end(), [&](const Term& t) { return t.code == folded; });
  return it == list.end() ? nullptr : &*it;
}

}  // namespace

std::optional<std::string> normalise_code(const std::vector<Term>& list, std::string_view input) {
  const Term* term = find_term(list, input);
  if (!term) return std::nullopt;
  return term->code;
}

// An unknown code is shown as it is, so that nothing disappears from the page.
std::string label_of(const std::vector<Term>& list, std::string_view code) {
  const Term* term = find_term(list, code);
  return term ? term->label_sv : std::string(code);
}

bool is_progression_outcome(std::string_view outcome_code) {
  static constexpr std::array<std::string_view, 5> kProgression = {"arbete", "arbete_med_stod", "studier",
                                                                   "ame_rehab", "af_fk_samarbete"};
  const auto code = normalise_code(exit_outcomes(), outcome_code);
  if (!code) return false;
  return std::find(kProgression.begin(), kProgression.end(), *code) != kProgression.end();
}

}  // namespace stegvis
