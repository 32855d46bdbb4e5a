// Code lists: codes, Swedish labels, folding of case and å/ä/ö, progression outcomes.
#include "domain/vocabulary.hpp"

#include <gtest/gtest.h>

#include <set>

using namespace stegvis;

namespace {
std::vector<std::string> codes(const std::vector<Term>& list) {
  std::vector<std::string> out;
  for (const auto& t : list) out.push_back(t.code);
  return out;
}
using Codes = std::vector<std::string>;
}  // namespace

TEST(Vocabulary, IncomeSourceCodes) {
  EXPECT_EQ(codes(income_sources()),
            (Codes{"forsorjningsstod", "sjukpenning", "aktivitetsersattning", "sjukersattning", "aktivitetsstod",
                   "etableringsersattning", "lon", "studiemedel", "ingen", "annan"}));
}
TEST(Vocabulary, ExitOutcomeCodes) {
  EXPECT_EQ(codes(exit_outcomes()),
            (Codes{"arbete", "arbete_med_stod", "studier", "arbetssokande", "ame_rehab", "af_fk_samarbete",
                   "annan_insats", "vard_sjukskrivning", "flyttat", "avbrott", "annat"}));
}
TEST(Vocabulary, ContactKindCodes) {
  EXPECT_EQ(codes(contact_kinds()), (Codes{"meeting", "phone", "digital", "group", "employer", "authority"}));
}
TEST(Vocabulary, ActivityKindCodes) {
  EXPECT_EQ(codes(activity_kinds()), (Codes{"coaching", "gruppaktivitet", "daglig_verksamhet", "studier", "praktik",
                                            "arbetstraning", "arbetsprovning", "utredning_behandling", "annat"}));
}
TEST(Vocabulary, GoalAreaCodes) {
  EXPECT_EQ(codes(goal_areas()), (Codes{"tilltro", "arbetsmarknadskunskap", "studier", "insats", "maende"}));
}
TEST(Vocabulary, GenderCodes) { EXPECT_EQ(codes(genders()), (Codes{"female", "male", "other"})); }
TEST(Vocabulary, EducationLevelCodes) {
  EXPECT_EQ(codes(education_levels()), (Codes{"forgymnasial", "gymnasial", "eftergymnasial", "okand"}));
}
TEST(Vocabulary, SupportDurationCodes) {
  EXPECT_EQ(codes(support_durations()), (Codes{"under_1", "1_2", "2_5", "over_5"}));
}
TEST(Vocabulary, OccupationCodes) {
  EXPECT_EQ(codes(occupations()),
            (Codes{"arbetslos", "sjukskriven", "studerande", "arbete_del", "arbete_hel", "annat"}));
}
TEST(Vocabulary, EveryListHasUniqueCodesAndLabels) {
  for (const auto* list : {&income_sources(), &exit_outcomes(), &contact_kinds(), &activity_kinds(), &goal_areas(),
                           &genders(), &education_levels(), &support_durations(), &occupations()}) {
    std::set<std::string> seen;
    for (const auto& t : *list) {
      EXPECT_TRUE(seen.insert(t.code).second) << t.code;
      EXPECT_FALSE(t.label_sv.empty()) << t.code;
    }
  }
}
TEST(Vocabulary, SwedishLabels) {
  EXPECT_EQ(label_of(income_sources(), "aktivitetsstod"), "Aktivitetsstöd/arbetslöshetsersättning");
  EXPECT_EQ(label_of(exit_outcomes(), "ame_rehab"), "Fortsatt rehabilitering via kommunens arbetsmarknadsenhet");
  EXPECT_EQ(label_of(contact_kinds(), "digital"), "Digitalt möte");
  EXPECT_EQ(label_of(activity_kinds(), "utredning_behandling"), "Utredning/behandling via regionen");
  EXPECT_EQ(label_of(goal_areas(), "tilltro"), "Ökad tilltro till den egna förmågan");
  EXPECT_EQ(label_of(genders(), "other"), "Annat/vill inte ange");
  EXPECT_EQ(label_of(education_levels(), "okand"), "Okänd");
  EXPECT_EQ(label_of(support_durations(), "1_2"), "1–2 år");
  EXPECT_EQ(label_of(occupations(), "arbete_del"), "Arbete deltid");
}
TEST(Vocabulary, LabelOfAcceptsSwedishSpelling) { EXPECT_EQ(label_of(income_sources(), "lön"), "Lön"); }
TEST(Vocabulary, LabelOfUnknownCodeIsTheCodeItself) { EXPECT_EQ(label_of(genders(), "okänt"), "okänt"); }

TEST(Vocabulary, NormaliseAcceptsTheCode) {
  EXPECT_EQ(normalise_code(income_sources(), "forsorjningsstod"), "forsorjningsstod");
}
TEST(Vocabulary, NormaliseFoldsSwedishLetters) {
  EXPECT_EQ(normalise_code(income_sources(), "försörjningsstöd"), "forsorjningsstod");
  EXPECT_EQ(normalise_code(income_sources(), "lön"), "lon");
  EXPECT_EQ(normalise_code(activity_kinds(), "arbetsträning"), "arbetstraning");
  EXPECT_EQ(normalise_code(activity_kinds(), "arbetsprövning"), "arbetsprovning");
  EXPECT_EQ(normalise_code(goal_areas(), "mående"), "maende");
}
TEST(Vocabulary, NormaliseIgnoresCaseIncludingSwedishCapitals) {
  EXPECT_EQ(normalise_code(income_sources(), "FÖRSÖRJNINGSSTÖD"), "forsorjningsstod");
  EXPECT_EQ(normalise_code(education_levels(), "OKÄND"), "okand");
  EXPECT_EQ(normalise_code(exit_outcomes(), "Arbete_Med_Stöd"), "arbete_med_stod");
  EXPECT_EQ(normalise_code(goal_areas(), "MÅENDE"), "maende");
}
TEST(Vocabulary, NormaliseRejectsUnknownInput) {
  EXPECT_FALSE(normalise_code(income_sources(), ""));
  EXPECT_FALSE(normalise_code(income_sources(), "lönn"));
  EXPECT_FALSE(normalise_code(income_sources(), "Lön "));
  EXPECT_FALSE(normalise_code(genders(), "kvinna"));  // a label, not a code
  EXPECT_FALSE(normalise_code(income_sources(), std::string("l\xC3")));  // truncated UTF-8
  EXPECT_FALSE(normalise_code(activity_kinds(), "arbete"));  // a code of another list
}
TEST(Vocabulary, ProgressionOutcomes) {
  for (const char* code : {"arbete", "arbete_med_stod", "studier", "ame_rehab", "af_fk_samarbete"})
    EXPECT_TRUE(is_progression_outcome(code)) << code;
  for (const char* code : {"arbetssokande", "annan_insats", "vard_sjukskrivning", "flyttat", "avbrott", "annat", ""})
    EXPECT_FALSE(is_progression_outcome(code)) << code;
}
TEST(Vocabulary, ProgressionOutcomeAcceptsSwedishSpelling) { EXPECT_TRUE(is_progression_outcome("arbete_med_stöd")); }
