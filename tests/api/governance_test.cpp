// Governance over the real server (issue #8): a collaboration team's meeting
// from agenda to approved minutes and a correction, bad input with nothing
// half-stored, who may read and write, the PDF, the calendar feed, open
// actions in the owner's due work; the steering group's aggregates.
#include <gtest/gtest.h>

#include <ctime>

#include "api/server_fixture.hpp"
#include "reports/writer_test_support.hpp"

using namespace stegvis::test;

namespace {

std::string future_date(int days) {
  std::time_t t = std::time(nullptr) + static_cast<std::time_t>(days) * 86400;
  std::tm tm{};
  localtime_r(&t, &tm);
  char buf[12];
  std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
  return buf;
}

std::string meeting_path(std::int64_t id) { return "/api/v1/meetings/" + std::to_string(id); }

}  // namespace

TEST(Governance, TeamMeetingFromAgendaToApprovedMinutesAndCorrection) {
  ApiClient admin = logged_in("admin");
  const auto programme = demo_programme_id(admin);
  const auto vastra = demo_unit_id(admin, "Västra");
  ASSERT_TRUE(programme && vastra);
  const std::string meetings = "/api/v1/programmes/" + std::to_string(programme) + "/meetings";
  ApiClient karin = logged_in("samordnare.vastra");

  // Bad input: each names its field, and no meeting is stored.
  auto before = karin.get(meetings);
  ASSERT_EQ(before.status, 200);
  const auto count_meetings = [](const json& list) {
    std::size_t n = 0;
    for (const auto& b : list["items"]) n += b["meetings"].size();
    return n;
  };
  json good{{"body", "samverkansteam"}, {"unit", vastra}, {"date", future_date(0)}, {"time", "13:00"},
            {"agenda", {"Information från Arbetsförmedlingen"}}, {"attendees", {"Karin Samordnare", "Anna Lind"}}};
  auto bad = [&](const std::string& key, const json& value, const std::string& field) {
    json b = good;
    if (value.is_null()) b.erase(key); else b[key] = value;
    auto r = karin.post(meetings, b);
    EXPECT_TRUE(is_error(r, 400, "invalid_input", field)) << key << ": " << r.text;
    EXPECT_FALSE(r.body["error"]["message"].get<std::string>().empty());
  };
  bad("date", "2020-01-01", "date");
  bad("date", "2025-13-01", "date");
  bad("body", "kafferep", "body");
  bad("unit", nullptr, "unit");
  bad("time", "25:61", "time");
  bad("agenda", json::array({std::string(501, 'x')}), "agenda[0]");
  EXPECT_EQ(count_meetings(karin.get(meetings).body), count_meetings(before.body));
  // Another unit's samordnare may not plan Västra's meetings.
  EXPECT_TRUE(is_error(logged_in("samordnare.sodra").post(meetings, good), 403, "forbidden"));

  auto created = karin.post(meetings, good);
  ASSERT_EQ(created.status, 201) << created.text;
  const auto id = created.body["id"].get<std::int64_t>();
  const auto& agenda = created.body["agenda"];
  ASSERT_GE(agenda.size(), 5u);
  EXPECT_EQ(agenda[0], "Nya deltagare sedan förra mötet");
  EXPECT_EQ(agenda[1], "Inflöde och utflöde");
  EXPECT_EQ(agenda.back(), "Information från Arbetsförmedlingen");

  auto m = karin.get(meeting_path(id));
  ASSERT_EQ(m.status, 200) << m.text;
  EXPECT_EQ(m.body["body"], "samverkansteam");
  EXPECT_EQ(m.body["agenda"][0]["standing"], "new_participants");
  EXPECT_TRUE(m.body["new_participants"].is_array());
  EXPECT_TRUE(m.body["figures"]["inflow"].is_number());
  EXPECT_TRUE(m.body["minutes"].is_null());
  // The demo's latest team minutes left an action open: it is on this later meeting's agenda.
  EXPECT_GE(m.body["open_actions"].size(), 1u);

  // Minutes with an action lacking owner or due date are refused and nothing is stored.
  json action{{"text", "Boka uppföljning med FK"}, {"owner", "samordnare.vastra"}, {"due", future_date(420)}};
  json minutes{{"text", "Anteckningar, med komma; och semikolon"}, {"decisions", {"Teamet ses digitalt i juli."}},
               {"actions", {action}}};
  json no_owner = minutes;
  no_owner["actions"][0].erase("owner");
  EXPECT_TRUE(is_error(karin.put(meeting_path(id) + "/minutes", no_owner), 400, "invalid_input", "actions[0].owner"));
  json no_due = minutes;
  no_due["actions"][0]["due"] = "";
  EXPECT_TRUE(is_error(karin.put(meeting_path(id) + "/minutes", no_due), 400, "invalid_input", "actions[0].due"));
  json long_text = minutes;
  long_text["text"] = std::string(20001, 'a');
  EXPECT_TRUE(is_error(karin.put(meeting_path(id) + "/minutes", long_text), 400, "invalid_input", "text"));
  EXPECT_TRUE(karin.get(meeting_path(id)).body["minutes"].is_null());

  // A coach of the unit reads the meeting but may not write its minutes; the steering group sees nothing of it.
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_EQ(coach.get(meeting_path(id)).status, 200);
  EXPECT_TRUE(is_error(coach.put(meeting_path(id) + "/minutes", minutes), 403, "forbidden"));
  EXPECT_TRUE(is_error(logged_in("styrgrupp").get(meeting_path(id)), 403, "forbidden"));

  ASSERT_EQ(karin.put(meeting_path(id) + "/minutes", minutes).status, 200);
  m = karin.get(meeting_path(id));
  ASSERT_TRUE(m.body["minutes"].is_object());
  EXPECT_EQ(m.body["minutes"]["version"], 1);
  EXPECT_EQ(m.body["minutes"]["actions"][0]["owner"], "Karin Samordnare");  // the username became the person
  EXPECT_TRUE(m.body["minutes"]["actions"][0]["owner_user_id"].is_number());

  // The action is in Karin's due work, linking to the meeting.
  auto tasks = karin.get("/api/v1/tasks");
  ASSERT_EQ(tasks.status, 200);
  bool listed = false;
  for (const auto& t : tasks.body["items"])
    listed = listed || (t["kind"] == "meeting_action" && t["meeting_id"] == id);
  EXPECT_TRUE(listed);

  // Approved minutes are locked; a correction is a new version, the approved one stays.
  EXPECT_TRUE(is_error(karin.post(meeting_path(id) + "/minutes/corrections", json::object()), 409, "conflict"));
  ASSERT_EQ(karin.post(meeting_path(id) + "/minutes/approve", json::object()).status, 200);
  EXPECT_TRUE(is_error(karin.put(meeting_path(id) + "/minutes", minutes), 409, "conflict"));
  EXPECT_TRUE(is_error(karin.post(meeting_path(id) + "/minutes/approve", json::object()), 409, "conflict"));
  // A meeting ahead can have draft minutes, but they are approved on the day at the earliest.
  json ahead = good;
  ahead["date"] = future_date(30);
  auto later = karin.post(meetings, ahead);
  ASSERT_EQ(later.status, 201);
  const auto later_id = later.body["id"].get<std::int64_t>();
  ASSERT_EQ(karin.put(meeting_path(later_id) + "/minutes", json{{"text", "Utkast"}}).status, 200);
  EXPECT_TRUE(is_error(karin.post(meeting_path(later_id) + "/minutes/approve", json::object()), 409, "conflict"));
  auto correction = karin.post(meeting_path(id) + "/minutes/corrections", json::object());
  ASSERT_EQ(correction.status, 201) << correction.text;
  EXPECT_EQ(correction.body["version"], 2);
  minutes["decisions"].push_back("Rättelse: mötet i juli är fysiskt.");
  ASSERT_EQ(karin.put(meeting_path(id) + "/minutes", minutes).status, 200);
  auto versions = karin.get(meeting_path(id) + "/minutes/versions");
  ASSERT_EQ(versions.body["items"].size(), 2u);
  EXPECT_TRUE(versions.body["items"][0]["approved"].get<bool>());
  EXPECT_EQ(versions.body["items"][0]["decisions"].size(), 1u);
  EXPECT_FALSE(versions.body["items"][1]["approved"].get<bool>());
  EXPECT_EQ(versions.body["items"][1]["decisions"].size(), 2u);

  // The PDF holds the agenda and the minutes, read back with pdftotext.
  auto pdf = karin.get(meeting_path(id) + "/minutes.pdf");
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  ASSERT_EQ(pdf.text.rfind("%PDF", 0), 0u);
  if (have_program("pdftotext")) {
    ScratchDir dir;
    write_file(dir.path / "m.pdf", pdf.text);
    ASSERT_EQ(run("pdftotext -layout " + (dir.path / "m.pdf").string() + " " + (dir.path / "m.txt").string(),
                  dir.path / "log"), 0);
    std::string text = read_file(dir.path / "m.txt");
    for (const char* s : {"Samverkansteam Västra", "Dagordning", "Nya deltagare sedan förra mötet",
                          "Rättelse: mötet i juli är fysiskt.", "Boka uppföljning med FK", "Karin Samordnare"})
      EXPECT_NE(text.find(s), std::string::npos) << s;
  }

  // The calendar feed of the team's meetings.
  auto ics = karin.get(meetings + ".ics?body=samverkansteam&unit=" + std::to_string(vastra));
  ASSERT_EQ(ics.status, 200) << ics.text;
  EXPECT_EQ(ics.header("Content-Type").rfind("text/calendar", 0), 0u);
  EXPECT_NE(ics.text.find("UID:meeting-" + std::to_string(id) + "@stegvis\r\n"), std::string::npos);
  EXPECT_NE(ics.text.find("SUMMARY:Samverkansteam Västra\r\n"), std::string::npos);
  EXPECT_TRUE(is_error(karin.get(meetings + ".ics?body=nope"), 400, "invalid_input", "body"));

  // Every write is audited.
  auto audit = audit_entries(admin, "action=minutes.approve&record_type=meeting&record_id=" + std::to_string(id));
  EXPECT_EQ(audit.size(), 1u);
}

TEST(Governance, SteeringGroupSeesAggregatesOnly) {
  ApiClient admin = logged_in("admin");
  const auto programme = demo_programme_id(admin);
  const std::string meetings = "/api/v1/programmes/" + std::to_string(programme) + "/meetings";
  ApiClient chief = logged_in("forbundschef");
  auto list = chief.get(meetings);
  ASSERT_EQ(list.status, 200);
  std::int64_t past = 0;
  for (const auto& b : list.body["items"]) {
    EXPECT_EQ(b["body"], "styrgrupp");  // no unit's meetings for an association-level role
    for (const auto& m : b["meetings"])
      if (m["minutes_version"].is_number()) past = m["id"].get<std::int64_t>();
  }
  ASSERT_NE(past, 0);
  auto m = chief.get(meeting_path(past));
  ASSERT_EQ(m.status, 200) << m.text;
  EXPECT_FALSE(m.body.contains("new_participants"));
  ASSERT_TRUE(m.body["volumes"].is_array());
  ASSERT_FALSE(m.body["volumes"].empty());
  // The actives add up to the units' (staffing below) and the programme's (dashboard): with one
  // hidden, none is shown, or subtraction would give it back.
  int active_hidden = 0, active_shown = 0;
  for (const auto& row : m.body["volumes"]) {
    for (const char* k : {"active", "started", "exited"}) {
      const auto& c = row[k];
      EXPECT_TRUE((c.is_number() && (c.get<int>() == 0 || c.get<int>() >= 5)) || c == "<5" || (k == std::string("active") && c == ".."))
          << row.dump();
    }
    (row["active"].is_string() ? active_hidden : active_shown)++;
  }
  EXPECT_TRUE(active_hidden == 0 || active_shown == 0) << m.body["volumes"].dump();
  EXPECT_TRUE(m.body["minutes"]["approved"].get<bool>());
  // Staffing per unit and the activity plan's status, computed as of the meeting.
  ASSERT_EQ(m.body["staffing"].size(), 3u);
  int unit_hidden = 0;
  for (const auto& row : m.body["staffing"]) unit_hidden += row["active"].is_string() ? 1 : 0;
  EXPECT_TRUE(unit_hidden == 0 || unit_hidden == 3) << m.body["staffing"].dump();
  for (const auto& row : m.body["staffing"]) {
    EXPECT_GT(row["fte_pct"].get<double>(), 0) << row.dump();
    EXPECT_EQ(row["capacity"].get<int>(), static_cast<int>(row["fte_pct"].get<double>() / 100 * 20));
    EXPECT_TRUE(row["active"] == "<5" || row["active"] == ".." || row["active"].get<int>() == 0 ||
                row["active"].get<int>() >= 5);
    // Registered against planned: the demo's 2024 financing agreement is in force from then on.
    ASSERT_TRUE(row["planned_fte_pct"].is_number()) << row.dump();
    EXPECT_GT(row["planned_fte_pct"].get<double>(), 0) << row.dump();
    EXPECT_DOUBLE_EQ(row["difference"].get<double>(),
                     row["fte_pct"].get<double>() - row["planned_fte_pct"].get<double>());
  }
  EXPECT_EQ(m.body["agreement_year"], 2024);
  EXPECT_TRUE(m.body["activity_plan"]["status"].contains("done"));
  // A unit's samordnare neither reads nor plans the steering group's meetings.
  ApiClient karin = logged_in("samordnare.vastra");
  EXPECT_TRUE(is_error(karin.get(meeting_path(past)), 403, "forbidden"));
  json steering{{"body", "styrgrupp"}, {"date", future_date(380)}, {"time", "09:00"}};
  EXPECT_TRUE(is_error(karin.post(meetings, steering), 403, "forbidden"));
  EXPECT_TRUE(is_error(chief.post(meetings, json{{"body", "styrgrupp"}, {"unit", 1}, {"date", future_date(380)}}), 400,
                       "invalid_input", "unit"));
  auto created = logged_in("insatsansvarig").post(meetings, steering);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(created.body["agenda"][1], "Volymer: aktiva deltagare, inflöde och utflöde");
}

TEST(Governance, PlanVersionsDiffPdfAndTheActivityPlan) {
  ApiClient admin = logged_in("admin");
  const std::string base = "/api/v1/programmes/" + std::to_string(demo_programme_id(admin));
  ApiClient coach = logged_in("coach.katrineholm");
  auto versions = coach.get(base + "/plan-versions");
  ASSERT_EQ(versions.status, 200) << versions.text;
  const auto& items = versions.body["items"];
  ASSERT_GE(items.size(), 2u);
  EXPECT_EQ(items[0]["version"], "1.0");
  EXPECT_EQ(items[0]["decided_by"], "Styrgruppen");
  EXPECT_EQ(items[0]["date"], "2024-01-26");
  EXPECT_EQ(items[1]["version"], "1.1");
  EXPECT_TRUE(items.back()["current"].get<bool>());
  EXPECT_FALSE(items[0]["current"].get<bool>());

  auto diff = coach.get(base + "/plan-versions/diff?from=1.0&to=1.1");
  ASSERT_EQ(diff.status, 200) << diff.text;
  std::map<std::string, bool> changed;
  for (const auto& s : diff.body["sections"]) changed[s["code"]] = s["changed"];
  EXPECT_TRUE(changed["mal"]);
  EXPECT_FALSE(changed["syfte"]);
  EXPECT_EQ(changed.size(), 7u);
  EXPECT_TRUE(is_error(coach.get(base + "/plan-versions/diff?from=9.9&to=1.1"), 400, "invalid_input", "from"));

  // A new version: only the förbundschef or insatsansvarig, higher than the current one, every field checked.
  const std::string current = items.back()["version"];
  json v{{"version", "1." + std::to_string(std::time(nullptr))}, {"decision", "Godkänd"}, {"decided_by", "Styrgruppen"},
         {"date", "2025-05-20"}, {"sections", {{"bakgrund", "Ny bakgrund"}, {"mal", "Nya mål"}}}};
  EXPECT_TRUE(is_error(coach.post(base + "/plan-versions", v), 403, "forbidden"));
  ApiClient lead = logged_in("insatsansvarig");
  json same = v;
  same["version"] = current;
  EXPECT_TRUE(is_error(lead.post(base + "/plan-versions", same), 409, "conflict", "version"));
  same["version"] = "1.0";
  EXPECT_TRUE(is_error(lead.post(base + "/plan-versions", same), 409, "conflict", "version"));
  json bad = v;
  bad["date"] = "20 maj";
  EXPECT_TRUE(is_error(lead.post(base + "/plan-versions", bad), 400, "invalid_input", "date"));
  bad = v;
  bad["sections"]["historik"] = "x";
  EXPECT_TRUE(is_error(lead.post(base + "/plan-versions", bad), 400, "invalid_input", "sections"));
  bad = v;
  bad["version"] = "v2";
  EXPECT_TRUE(is_error(lead.post(base + "/plan-versions", bad), 400, "invalid_input", "version"));
  EXPECT_EQ(coach.get(base + "/plan-versions").body["items"].size(), items.size());
  auto created = lead.post(base + "/plan-versions", v);
  ASSERT_EQ(created.status, 201) << created.text;
  EXPECT_EQ(coach.get(base + "/plan-versions").body["items"].back()["version"], v["version"]);

  auto pdf = coach.get(base + "/plan-versions/1.1/pdf");
  ASSERT_EQ(pdf.status, 200);
  ASSERT_EQ(pdf.text.rfind("%PDF", 0), 0u);
  if (have_program("pdftotext")) {
    ScratchDir dir;
    write_file(dir.path / "p.pdf", pdf.text);
    ASSERT_EQ(run("pdftotext " + (dir.path / "p.pdf").string() + " " + (dir.path / "p.txt").string(), dir.path / "log"), 0);
    std::string text = read_file(dir.path / "p.txt");
    for (const char* s : {"Övergripande insatsplan, version 1.1", "Målgrupp", "Versionsbeteckning", "2024-01-26"})
      EXPECT_NE(text.find(s), std::string::npos) << s;
  }

  // The activity plan: the demo's items with statuses; an overdue one is flagged and clears when done.
  auto plan = coach.get(base + "/activity-plan");
  ASSERT_EQ(plan.status, 200);
  ASSERT_GE(plan.body["items"].size(), 32u);
  EXPECT_EQ(plan.body["items"][0]["semester"], "Hösten 2023");
  std::int64_t overdue = 0;
  for (const auto& i : plan.body["items"])
    if (i["overdue"].get<bool>()) {
      EXPECT_TRUE(i["status"] == "planned" || i["status"] == "ongoing") << i.dump();
      overdue = i["id"];
    }
  ASSERT_NE(overdue, 0) << "the demo leaves one activity open after its semester";
  const std::string item = "/api/v1/activity-plan/" + std::to_string(overdue);
  EXPECT_TRUE(is_error(lead.put(item, {{"status", "klar"}}), 400, "invalid_input", "status"));
  EXPECT_TRUE(is_error(coach.put(item, {{"status", "done"}}), 403, "forbidden"));
  ASSERT_EQ(lead.put(item, {{"status", "done"}, {"evidence", "https://example.se/plan.pdf"}}).status, 200);
  for (const auto& i : json(coach.get(base + "/activity-plan").body["items"]))
    if (i["id"] == overdue) {
      EXPECT_FALSE(i["overdue"].get<bool>());
      EXPECT_EQ(i["evidence"], "https://example.se/plan.pdf");
    }
  EXPECT_TRUE(is_error(lead.post(base + "/activity-plan", {{"semester", "HT 2027"}, {"activity", "Konferens"}}), 400,
                       "invalid_input", "semester"));
  EXPECT_EQ(lead.post(base + "/activity-plan", {{"semester", "Hösten 2027"}, {"activity", "Slutkonferens"}}).status, 201);
}

TEST(Governance, DiaryRefusesPersonalNumbersWarnsOfNamesAndFeedsTheAnnualReport) {
  ApiClient admin = logged_in("admin");
  const auto programme = demo_programme_id(admin);
  const auto vastra = demo_unit_id(admin, "Västra"), norra = demo_unit_id(admin, "Norra");
  const std::string diary = "/api/v1/units/" + std::to_string(vastra) + "/diary";
  ApiClient karin = logged_in("samordnare.vastra");
  const int year = std::stoi(future_date(0).substr(0, 4));
  char week[24];
  std::snprintf(week, sizeof week, "%d-W10", year);
  json entry{{"week", week}, {"text", "Två deltagare började praktik."}, {"themes", {"framgang"}},
             {"for_annual_report", true}};

  auto bad = [&](const std::string& key, const json& value, int status, const std::string& field) {
    json b = entry;
    b[key] = value;
    auto r = karin.post(diary, b);
    EXPECT_TRUE(is_error(r, status, status == 422 ? "unprocessable" : "invalid_input", field)) << key << ": " << r.text;
    return r;
  };
  auto pn = bad("text", "Deltagaren 850312-1234 fick praktik.", 400, "text");
  EXPECT_NE(pn.body["error"]["message"].get<std::string>().find("personnummer"), std::string::npos);
  bad("week", "2025-W54", 400, "week");
  bad("themes", json::array({"glädje"}), 400, "themes");
  bad("themes", json::array(), 400, "themes");
  bad("text", std::string(4001, 'a'), 400, "text");

  // A participant Karin works with, named in the text: a warning until she confirms.
  auto enrolments = karin.get("/api/v1/enrolments?unit=" + std::to_string(vastra) + "&status=active&limit=50");
  ASSERT_EQ(enrolments.status, 200) << enrolments.text;
  std::string first_name;
  for (const auto& e : enrolments.body["items"]) {
    auto one = karin.get("/api/v1/enrolments/" + std::to_string(e["id"].get<std::int64_t>()));
    const auto& person = one.body["person"];
    if (person.is_object() && person["first_name"].is_string() && person["first_name"].get<std::string>().size() > 2) {
      first_name = person["first_name"];
      break;
    }
  }
  EXPECT_FALSE(first_name.empty()) << "the demo's Västra has named participants";
  if (!first_name.empty()) {
    json named = entry;
    named["text"] = "Samtal med " + first_name + " om praktik.";
    auto warned = karin.post(diary, named);
    EXPECT_TRUE(is_error(warned, 422, "unprocessable", "text")) << warned.text << " name=" << first_name;
    named["acknowledge_names"] = true;
    EXPECT_EQ(karin.post(diary, named).status, 201);
  }
  const auto before = karin.get(diary + "?year=" + std::to_string(year)).body["items"].size();
  auto created = karin.post(diary, entry);
  ASSERT_EQ(created.status, 201) << created.text;
  auto list = karin.get(diary + "?year=" + std::to_string(year));
  ASSERT_EQ(list.status, 200);
  EXPECT_EQ(list.body["items"].size(), before + 1);
  EXPECT_EQ(list.body["items"][0]["author"], "Karin Samordnare");

  // Only the unit's staff: another unit's samordnare and the förbundschef neither read nor write it.
  EXPECT_TRUE(is_error(logged_in("samordnare.norra").get(diary), 403, "forbidden"));
  EXPECT_TRUE(is_error(logged_in("forbundschef").post(diary, entry), 403, "forbidden"));
  EXPECT_TRUE(is_error(karin.get("/api/v1/units/" + std::to_string(norra) + "/diary"), 403, "forbidden"));

  // The annual report counts the themes and carries the marked entries without their authors.
  const std::string annual = "/api/v1/programmes/" + std::to_string(programme) + "/reports/annual";
  ApiClient lead = logged_in("insatsansvarig");
  auto report = lead.get(annual + "?year=" + std::to_string(year));
  ASSERT_EQ(report.status, 200) << report.text;
  for (const char* k : {"year", "volumes", "outcomes", "targets", "activity_plan", "diary_themes", "sections"})
    EXPECT_TRUE(report.body.contains(k)) << k;
  EXPECT_GE(report.body["diary_themes"]["framgang"].get<int>(), 1);
  // The economy, as the money issue computes it: the demo's generated costs for the year.
  ASSERT_TRUE(report.body["economy"].is_object()) << report.body["economy"].dump();
  EXPECT_FALSE(report.body["economy"]["lines"].empty());
  if (std::stoi(future_date(0).substr(5, 2)) > 1) {  // costs are generated up to last month
    EXPECT_GT(report.body["economy"]["totals"]["actual"].get<double>(), 0);
  }
  EXPECT_EQ(report.body["economy"]["year"], year);
  bool found = false;
  for (const auto& m : report.body["diary_marked"]) {
    EXPECT_FALSE(m.contains("author"));
    found = found || m["text"] == "Två deltagare började praktik.";
  }
  EXPECT_TRUE(found);
  // Questionnaire rounds closed in the year carry their results; the demo closed Västra's staff round 20 days ago.
  const std::string survey_year = future_date(-20).substr(0, 4);
  auto with_surveys = lead.get(annual + "?year=" + survey_year);
  ASSERT_EQ(with_surveys.status, 200);
  bool shown = false;
  // Read with value()/contains(): a const json's operator[] on a missing key is undefined (it asserts).
  const json surveys = with_surveys.body.value("questionnaires", json::array());
  for (const auto& s : surveys) {
    ASSERT_TRUE(s.contains("round") && s["round"].value("closes", "").rfind(survey_year, 0) == 0) << s.dump();
    const json items = s.value("items", json::array());
    const auto has_mean = [](const json& i) { return i.contains("mean") && i["mean"].is_number(); };
    if (s.value("suppressed", true) == false) {
      EXPECT_GE(s.value("responses", 0), 5);
      for (const auto& i : items) shown = shown || has_mean(i);
    } else {
      for (const auto& i : items) EXPECT_FALSE(has_mean(i)) << s.dump();
    }
  }
  EXPECT_TRUE(shown) << with_surveys.body["questionnaires"].dump();
  EXPECT_TRUE(is_error(lead.get(annual + "?year=20x5"), 400, "invalid_input", "year"));
  EXPECT_TRUE(is_error(karin.get(annual + "?year=" + std::to_string(year)), 403, "forbidden"));

  // Text sections: saved as versions by the insatsansvarig; the styrgrupp reads them but may not write.
  json texts{{"sections", {{"sammanfattning", "Året i korthet."}, {"framat", "Fler arbetsgivare."}}}};
  const std::string sections = annual + "/sections?year=" + std::to_string(year);
  EXPECT_TRUE(is_error(lead.put(sections, json{{"sections", {{"okand", "x"}}}}), 400, "invalid_input", "sections"));
  EXPECT_TRUE(is_error(logged_in("styrgrupp").put(sections, texts), 403, "forbidden"));
  ASSERT_EQ(lead.put(sections, texts).status, 200);
  auto again = logged_in("styrgrupp").get(annual + "?year=" + std::to_string(year));
  ASSERT_EQ(again.status, 200);
  EXPECT_EQ(again.body["sections"]["sammanfattning"]["text"], "Året i korthet.");
  EXPECT_GE(again.body["sections_version"].get<int>(), 1);

  auto pdf = lead.get(annual + ".pdf?year=" + std::to_string(year));
  ASSERT_EQ(pdf.status, 200);
  ASSERT_EQ(pdf.text.rfind("%PDF", 0), 0u);
  if (have_program("pdftotext")) {
    ScratchDir dir;
    write_file(dir.path / "a.pdf", pdf.text);
    ASSERT_EQ(run("pdftotext " + (dir.path / "a.pdf").string() + " " + (dir.path / "a.txt").string(), dir.path / "log"), 0);
    std::string text = read_file(dir.path / "a.txt");
    for (const char* s : {"Helårsrapport", "Året i korthet.", "Volymer per kön", "Veckodagböckerna", "Ekonomi", "Budgetpost",
                          "Två deltagare började praktik."})
      EXPECT_NE(text.find(s), std::string::npos) << s;
  }
}

TEST(Governance, MembersAreAddedAndEndedByWhoManagesTheBody) {
  ApiClient admin = logged_in("admin");
  const auto programme = demo_programme_id(admin);
  const auto vastra = demo_unit_id(admin, "Västra");
  ApiClient karin = logged_in("samordnare.vastra");
  auto list = karin.get("/api/v1/programmes/" + std::to_string(programme) + "/meetings");
  ASSERT_EQ(list.status, 200);
  std::int64_t team = 0;
  for (const auto& b : list.body["items"])
    if (b["body"] == "samverkansteam" && b["unit"] == vastra) team = b["id"].get<std::int64_t>();
  ASSERT_NE(team, 0);
  const std::string members = "/api/v1/bodies/" + std::to_string(team) + "/members";
  const auto count = [&] { return karin.get(members).body["items"].size(); };
  const auto before = count();

  // Bad input names its field and stores nothing.
  EXPECT_TRUE(is_error(karin.post(members, json::object()), 400, "invalid_input", "name"));
  EXPECT_TRUE(is_error(karin.post(members, {{"name", "Lena Ek"}, {"start", "2025-13-01"}}), 400, "invalid_input", "start"));
  EXPECT_TRUE(is_error(karin.post(members, {{"name", "Lena Ek"}, {"party", "Finns inte AB"}}), 422, "unprocessable", "party"));
  EXPECT_TRUE(is_error(karin.post(members, {{"username", "ingen.sadan"}}), 422, "unprocessable", "username"));
  EXPECT_TRUE(is_error(karin.post(members, {{"name", std::string(201, 'x')}}), 400, "invalid_input", "name"));
  EXPECT_EQ(count(), before);

  // A member without a login, for a party; and one with a login, who then reads the team's meetings.
  const auto fk = party_id(admin, "Försäkringskassan");
  auto lena = karin.post(members, {{"name", "Lena Ek"}, {"party", fk}, {"start", "2025-01-01"}});
  ASSERT_EQ(lena.status, 201) << lena.text;
  ApiClient board = logged_in("styrgrupp");
  EXPECT_TRUE(is_error(board.get(members), 403, "forbidden"));
  auto seat = karin.post(members, {{"username", "styrgrupp"}});
  ASSERT_EQ(seat.status, 201) << seat.text;
  EXPECT_TRUE(is_error(karin.post(members, {{"username", "styrgrupp"}}), 409, "conflict"));
  auto seen = board.get(members);
  ASSERT_EQ(seen.status, 200) << seen.text;
  EXPECT_EQ(seen.body["items"].size(), before + 2);
  bool found = false;
  for (const auto& m : seen.body["items"])
    if (m["name"] == "Lena Ek") {
      found = true;
      EXPECT_EQ(m["party"], "Försäkringskassan");
      EXPECT_EQ(m["start"], "2025-01-01");
      EXPECT_TRUE(m["active"].get<bool>());
      EXPECT_TRUE(m["username"].is_null());
    }
  EXPECT_TRUE(found);
  // Others cannot change the members (audited), nor can a member.
  ApiClient coach = logged_in("coach.katrineholm");
  EXPECT_TRUE(is_error(coach.post(members, {{"name", "Någon"}}), 403, "forbidden"));
  EXPECT_TRUE(is_error(board.post(members, {{"name", "Någon"}}), 403, "forbidden"));

  // Ending: not before the start, a real date, once; the ended member no longer reads the meetings.
  const std::string end_lena = "/api/v1/members/" + std::to_string(lena.body["id"].get<std::int64_t>()) + "/end";
  EXPECT_TRUE(is_error(karin.post(end_lena, {{"date", "2024-12-31"}}), 400, "invalid_input", "date"));
  EXPECT_TRUE(is_error(karin.post(end_lena, {{"date", "igår"}}), 400, "invalid_input", "date"));
  EXPECT_EQ(karin.post(end_lena, {{"date", "2025-06-30"}}).status, 200);
  EXPECT_TRUE(is_error(karin.post(end_lena, {{"date", "2025-07-30"}}), 409, "conflict"));
  EXPECT_TRUE(is_error(coach.post("/api/v1/members/" + std::to_string(seat.body["id"].get<std::int64_t>()) + "/end",
                                  json::object()), 403, "forbidden"));
  EXPECT_EQ(karin.post("/api/v1/members/" + std::to_string(seat.body["id"].get<std::int64_t>()) + "/end",
                       json::object()).status, 200);
  EXPECT_TRUE(is_error(board.get(members), 403, "forbidden"));
  auto after = karin.get(members);
  for (const auto& m : after.body["items"])
    if (m["name"] == "Lena Ek") {
      EXPECT_EQ(m["end"], "2025-06-30");
    }
}
