#include "domain/governance.hpp"

#include <gtest/gtest.h>

#include "reports/ics_writer.hpp"

namespace stegvis {
namespace {

Date d(const char* s) { return *parse_date(s); }

TEST(Governance, RecurrenceEveryFourteenDaysWithinAWindow) {
  auto v = occurrences(d("2025-01-07"), 14, d("2025-01-20"), d("2025-02-20"));
  ASSERT_EQ(v.size(), 3u);
  EXPECT_EQ(to_string(v[0]), "2025-01-21");
  EXPECT_EQ(to_string(v[1]), "2025-02-04");
  EXPECT_EQ(to_string(v[2]), "2025-02-18");
  // Across a year end and a leap day.
  auto w = occurrences(d("2023-12-26"), 14, d("2024-02-20"), d("2024-03-10"));
  ASSERT_EQ(w.size(), 2u);
  EXPECT_EQ(to_string(w[0]), "2024-02-20");  // the first day of the window counts
  EXPECT_EQ(to_string(w[1]), "2024-03-05");
  EXPECT_TRUE(occurrences(d("2025-01-07"), 14, d("2025-03-01"), d("2025-02-01")).empty());
}

TEST(Governance, NextOccurrenceOnOrAfterADay) {
  EXPECT_EQ(to_string(*next_occurrence(d("2025-01-07"), 14, d("2025-01-21"))), "2025-01-21");
  EXPECT_EQ(to_string(*next_occurrence(d("2025-01-07"), 14, d("2025-01-22"))), "2025-02-04");
  EXPECT_EQ(to_string(*next_occurrence(d("2025-01-07"), 14, d("2024-12-01"))), "2025-01-07");
  EXPECT_FALSE(next_occurrence(d("2025-01-07"), 0, d("2025-01-08")).has_value());
  auto once = occurrences(d("2025-01-07"), 0, d("2025-01-01"), d("2025-01-31"));
  ASSERT_EQ(once.size(), 1u);
}

TEST(Governance, StandingItemsPerBodyComeFirstAndAreNotRepeated) {
  auto team = build_agenda(BodyKind::samverkansteam, {"  Information från AF ", "Processfrågor", "", "Övrigt"});
  ASSERT_EQ(team.size(), 6u);
  EXPECT_EQ(team[0].standing, "new_participants");
  EXPECT_EQ(team[1].standing, "flow");
  EXPECT_EQ(team[3].text, "Processfrågor");
  EXPECT_EQ(team[4].text, "Information från AF");
  EXPECT_EQ(team[4].standing, "");
  EXPECT_EQ(team[5].text, "Övrigt");
  auto steering = standing_items(BodyKind::styrgrupp);
  std::vector<std::string> codes;
  for (const auto& s : steering) codes.push_back(s.standing);
  EXPECT_EQ(codes, (std::vector<std::string>{"open_actions", "volumes", "staffing", "activity_plan", "other"}));
  EXPECT_EQ(standing_items(BodyKind::personalmote).front().standing, "open_actions");
}

TEST(Governance, NewMeetingRules) {
  Meeting m;
  m.date = "2025-03-01";
  m.time = "13:00";
  EXPECT_FALSE(check_new_meeting(m, d("2025-03-01")).has_value());
  auto past = check_new_meeting(m, d("2025-03-02"));
  ASSERT_TRUE(past.has_value());
  EXPECT_EQ(past->field, "date");
  m.time = "25:00";
  EXPECT_EQ(check_new_meeting(m, d("2025-03-01"))->field, "time");
  m.time = "";
  m.agenda.assign(kMaxAgendaItems + 1, AgendaItem{"x", ""});
  EXPECT_EQ(check_new_meeting(m, d("2025-03-01"))->field, "agenda");
  m.agenda = {{std::string(kMaxItemText + 1, 'a'), ""}};
  EXPECT_EQ(check_new_meeting(m, d("2025-03-01"))->field, "agenda[0]");
  EXPECT_TRUE(is_valid_time("00:00"));
  EXPECT_TRUE(is_valid_time("23:59"));
  EXPECT_FALSE(is_valid_time("9:00"));
}

TEST(Governance, MinutesNeedOwnerAndDueForEveryAction) {
  Minutes m;
  m.text = "Anteckningar\nmed radbrytning";
  m.decisions = {"Beslut ett"};
  m.actions = {{0, 0, "Boka möte", "karin", std::nullopt, "2025-04-01", ""}};
  EXPECT_FALSE(check_minutes(m).has_value());
  m.actions[0].owner = " ";
  EXPECT_EQ(check_minutes(m)->field, "actions[0].owner");
  m.actions[0].owner = "karin";
  m.actions[0].due = "";
  EXPECT_EQ(check_minutes(m)->field, "actions[0].due");
  m.actions[0].due = "2025-02-30";
  EXPECT_EQ(check_minutes(m)->field, "actions[0].due");
  m.actions[0].due = "2025-04-01";
  m.text = std::string(kMaxMinutesText + 1, 'x');
  EXPECT_EQ(check_minutes(m)->field, "text");
}

TEST(Governance, MembersNeedANameAStartAndAnEndNotBeforeIt) {
  BodyMember m{0, 1, std::nullopt, "Anna Lind", std::nullopt, "2025-01-01", ""};
  EXPECT_FALSE(check_member(m).has_value());
  m.name = "";
  EXPECT_EQ(check_member(m)->field, "name");
  m.name = std::string(201, 'a');
  EXPECT_EQ(check_member(m)->field, "name");
  m.name = "Anna Lind";
  m.start_date = "2025-02-30";
  EXPECT_EQ(check_member(m)->field, "start");
  m.start_date = "2025-01-01";
  m.end_date = "2024-12-31";
  EXPECT_EQ(check_member(m)->field, "end");
  m.end_date = "";
  EXPECT_FALSE(check_member_end(m, "2025-06-30").has_value());
  EXPECT_EQ(check_member_end(m, "2024-06-30")->field, "date");
  EXPECT_EQ(check_member_end(m, "30/6")->field, "date");
  m.end_date = "2025-03-01";
  EXPECT_EQ(check_member_end(m, "2025-06-30")->code, ErrorCode::conflict);
}

TEST(Governance, ConsentMustCoverEveryPartyOfTheTeam) {
  std::vector<Consent> c{{1, true, "2025-01-01"}, {2, true, "2025-01-01"}};
  EXPECT_TRUE(consent_covers(c, {1, 2}));
  EXPECT_FALSE(consent_covers(c, {1, 2, 3}));
  EXPECT_FALSE(consent_covers(c, {}));
  // The latest decision for a party comes first: a withdrawal wins over an older consent.
  std::vector<Consent> withdrawn{{2, false, "2025-02-01"}, {1, true, "2025-01-01"}, {2, true, "2025-01-01"}};
  EXPECT_FALSE(consent_covers(withdrawn, {1, 2}));
}

TEST(Ics, EscapesTextAsRfc5545Says) {
  EXPECT_EQ(reports::ics_escape("a,b;c\\d\ne\r\nf"), "a\\,b\\;c\\\\d\\ne\\nf");
  EXPECT_EQ(reports::ics_escape("ok\x01"), "ok");
}

TEST(Ics, FoldsAt75OctetsWithoutSplittingACharacter) {
  std::string line = "SUMMARY:" + std::string(100, 'x');
  auto folded = reports::ics_fold(line);
  EXPECT_EQ(folded.substr(0, 75), line.substr(0, 75));
  EXPECT_EQ(folded.substr(75, 3), "\r\n ");
  EXPECT_EQ(folded.substr(78), line.substr(75) + "\r\n");
  // å is two octets: a cut at 75 would land inside one and must move back.
  std::string swedish = "DESCRIPTION:" + std::string(62, 'a') + "åäö" + std::string(80, 'b');
  auto f = reports::ics_fold(swedish);
  std::string unfolded;
  std::size_t start = 0;
  while (start < f.size()) {
    auto end = f.find("\r\n", start);
    std::string part = f.substr(start, end - start);
    EXPECT_LE(part.size(), 75u);
    if (start > 0) {
      EXPECT_NE(static_cast<unsigned char>(part[1]) & 0xC0, 0x80) << "a part starts inside a character";
    }
    unfolded += start == 0 ? part : part.substr(1);
    start = end + 2;
  }
  EXPECT_EQ(unfolded, swedish);
  EXPECT_EQ(f.substr(0, 76), swedish.substr(0, 74) + "\r\n");  // the cut moved back before å
}

TEST(Ics, CalendarHasOneEventPerMeetingWithLocalTimes) {
  std::vector<reports::CalendarEvent> events{
      {"meeting-1@stegvis", "2025-12-31", "23:00", 120, "Samverkansteam Västra", "Rum 3, plan 2", "1. Nya deltagare", ""},
      {"meeting-2@stegvis", "2026-01-14", "", 120, "Heldag", "", "", ""}};
  auto ics = reports::render_ics("Samverkansteam Västra", events, "20251201T080000Z");
  EXPECT_EQ(ics.rfind("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 0), 0u);
  EXPECT_NE(ics.find("DTSTART;TZID=Europe/Stockholm:20251231T230000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTEND;TZID=Europe/Stockholm:20260101T010000\r\n"), std::string::npos);
  EXPECT_NE(ics.find("LOCATION:Rum 3\\, plan 2\r\n"), std::string::npos);
  EXPECT_NE(ics.find("DTSTART;VALUE=DATE:20260114\r\n"), std::string::npos);
  EXPECT_EQ(ics.substr(ics.size() - 15), "END:VCALENDAR\r\n");
  std::size_t events_found = 0;
  for (auto p = ics.find("BEGIN:VEVENT"); p != std::string::npos; p = ics.find("BEGIN:VEVENT", p + 1)) ++events_found;
  EXPECT_EQ(events_found, 2u);
}

}  // namespace
}  // namespace stegvis

#include "domain/programme_plan.hpp"

namespace stegvis {
namespace {

TEST(ProgrammePlan, VersionsCompareAsNumbers) {
  EXPECT_GT(compare_versions("1.10", "1.9"), 0);
  EXPECT_EQ(compare_versions("1.0", "1"), 0);
  EXPECT_LT(compare_versions("1.1", "2"), 0);
  EXPECT_GT(compare_versions("2.0.1", "2"), 0);
  EXPECT_TRUE(is_valid_version("1.2"));
  for (const char* bad : {"", "1.", ".1", "1..2", "v1", "1,2"}) EXPECT_FALSE(is_valid_version(bad)) << bad;
}

TEST(ProgrammePlan, EveryFieldIsCheckedByName) {
  PlanVersion v{0, 1, "1.2", "Godkänd", "Styrgruppen", "2025-01-31", {{"bakgrund", "Text"}}};
  EXPECT_FALSE(check_plan_version(v).has_value());
  v.version = "1,2";
  EXPECT_EQ(check_plan_version(v)->field, "version");
  v.version = "1.2";
  v.date = "2025-02-30";
  EXPECT_EQ(check_plan_version(v)->field, "date");
  v.date = "2025-01-31";
  v.sections["historik"] = "x";
  EXPECT_EQ(check_plan_version(v)->field, "sections");
  v.sections.erase("historik");
  v.sections["mal"] = std::string(kMaxSectionText + 1, 'm');
  EXPECT_EQ(check_plan_version(v)->field, "sections.mal");
}

TEST(ProgrammePlan, SideBySideDiffPairsChangedLines) {
  auto rows = diff_lines("Syfte\nMål A\nMål B\nSlut", "Syfte\nMål A, reviderat\nMål B\nNytt stycke\nSlut");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[0].kind, "same");
  EXPECT_EQ(rows[1].kind, "changed");
  EXPECT_EQ(rows[1].left, "Mål A");
  EXPECT_EQ(rows[1].right, "Mål A, reviderat");
  EXPECT_EQ(rows[2].kind, "same");
  EXPECT_EQ(rows[3].kind, "added");
  EXPECT_EQ(rows[3].left, "");
  EXPECT_EQ(rows[4].kind, "same");
  auto removed = diff_lines("a\nb\nc", "a\nc");
  ASSERT_EQ(removed.size(), 3u);
  EXPECT_EQ(removed[1].kind, "removed");
  EXPECT_EQ(removed[1].left, "b");
  EXPECT_TRUE(diff_lines("", "").empty());
  auto fresh = diff_lines("", "ny\ntext");
  ASSERT_EQ(fresh.size(), 2u);
  EXPECT_EQ(fresh[0].kind, "added");
  // Windows line ends compare equal to Unix ones.
  EXPECT_EQ(diff_lines("a\r\nb", "a\nb")[1].kind, "same");
}

}  // namespace
}  // namespace stegvis

namespace stegvis {
namespace {

TEST(ActivityPlan, SemestersOrderEndAndFlagOverdueItems) {
  EXPECT_EQ(to_string(*semester_end("Våren 2025")), "2025-06-30");
  EXPECT_EQ(to_string(*semester_end("Hösten 2024")), "2024-12-31");
  EXPECT_FALSE(semester_end("Sommaren 2024").has_value());
  EXPECT_FALSE(semester_end("Hösten 24").has_value());
  EXPECT_LT(semester_key("Hösten 2023"), semester_key("Våren 2024"));
  EXPECT_LT(semester_key("Våren 2024"), semester_key("Hösten 2024"));
  ActivityItem item{0, 1, "Hösten 2024", "Konferens", "planned", "", ""};
  EXPECT_FALSE(is_overdue(item, *parse_date("2024-12-31")));
  EXPECT_TRUE(is_overdue(item, *parse_date("2025-01-01")));
  item.status = "ongoing";
  EXPECT_TRUE(is_overdue(item, *parse_date("2025-01-01")));
  item.status = "done";
  EXPECT_FALSE(is_overdue(item, *parse_date("2025-01-01")));
  item.status = "cancelled";
  EXPECT_FALSE(is_overdue(item, *parse_date("2025-01-01")));
  item.status = "klar";
  EXPECT_EQ(check_activity_item(item)->field, "status");
  item.status = "done";
  item.semester = "HT 2024";
  EXPECT_EQ(check_activity_item(item)->field, "semester");
}

}  // namespace
}  // namespace stegvis

#include "domain/diary.hpp"

namespace stegvis {
namespace {

TEST(Diary, IsoWeeksExistOnlyInTheirYear) {
  EXPECT_TRUE(is_valid_iso_week("2025-W07"));
  EXPECT_TRUE(is_valid_iso_week("2020-W53"));   // 2020 began on a Wednesday in a leap year
  EXPECT_TRUE(is_valid_iso_week("2026-W53"));   // 2026 begins on a Thursday
  EXPECT_FALSE(is_valid_iso_week("2025-W53"));
  EXPECT_FALSE(is_valid_iso_week("2025-W00"));
  EXPECT_FALSE(is_valid_iso_week("2025-7"));
  EXPECT_FALSE(is_valid_iso_week("2025W07"));
  EXPECT_EQ(iso_week_year("2025-W07"), 2025);
}

TEST(Diary, PersonalNumberShapesAreFoundWhateverTheCheckDigit) {
  EXPECT_EQ(*find_personal_number("Träffade 850312-1234 i dag"), "850312-1234");
  EXPECT_EQ(*find_personal_number("nr 198503121234."), "198503121234");
  EXPECT_EQ(*find_personal_number("19850312-1234"), "19850312-1234");
  EXPECT_EQ(*find_personal_number("850372-1234"), "850372-1234");  // coordination number: day + 60
  EXPECT_EQ(*find_personal_number("1912121212+"), "1912121212");
  EXPECT_FALSE(find_personal_number("Vecka 12 hade vi 14 möten och 3 avslut").has_value());
  EXPECT_FALSE(find_personal_number("851332-1234").has_value());  // month 13
  EXPECT_FALSE(find_personal_number("Budget 2024-2025: 9000000 kr").has_value());
  EXPECT_FALSE(find_personal_number("850312-12345").has_value());  // longer run: not the shape
}

TEST(Diary, EntryRulesNameTheField) {
  DiaryEntry e{0, 1, 1, "", "2025-W07", "En deltagare fick praktikplats.", {"framgang"}, true, 0};
  EXPECT_FALSE(check_diary_entry(e).has_value());
  e.text = "Deltagaren 850312-1234 fick praktik";
  auto pn = check_diary_entry(e);
  ASSERT_TRUE(pn.has_value());
  EXPECT_EQ(pn->field, "text");
  EXPECT_NE(pn->message.find("personnummer"), std::string::npos);
  e.text = "ok";
  e.themes = {};
  EXPECT_EQ(check_diary_entry(e)->field, "themes");
  e.themes = {"framgang", "framgang"};
  EXPECT_EQ(check_diary_entry(e)->field, "themes");
  e.themes = {"glädje"};
  EXPECT_EQ(check_diary_entry(e)->field, "themes");
  e.themes = {"hinder"};
  e.week = "2025-W54";
  EXPECT_EQ(check_diary_entry(e)->field, "week");
  e.week = "2025-W07";
  e.text = std::string(kMaxDiaryText + 1, 'a');
  EXPECT_EQ(check_diary_entry(e)->field, "text");
}

TEST(Diary, NamesAreFoundAsWholeWordsIgnoringCase) {
  std::vector<std::string> names{"Anna Lind", "Örjan Åberg"};
  auto found = names_in_text("Idag träffade jag anna och ÖRJAN; Annika kom inte. Lind-gården.", names);
  EXPECT_EQ(found, (std::vector<std::string>{"anna", "ÖRJAN", "Lind"}));
  EXPECT_TRUE(names_in_text("Annika och Lindqvist", names).empty());
  EXPECT_TRUE(names_in_text("Anna", {}).empty());
  // A hyphenated first name is found however the text writes it.
  EXPECT_EQ(names_in_text("Samtal med Anna-Karin idag.", {"Anna-Karin Berg"}),
            (std::vector<std::string>{"Anna", "Karin"}));
  EXPECT_EQ(names_in_text("Karin ringde.", {"Anna-Karin Berg"}), (std::vector<std::string>{"Karin"}));
}

}  // namespace
}  // namespace stegvis
