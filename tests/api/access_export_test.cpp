// Right of access (registerutdrag): the samordnare of a unit where the person
// is or was enrolled gets everything stored about them, as JSON and as PDF, in
// every unit, and nothing about anyone else; others are refused; it is audited.
#include <gtest/gtest.h>
#include <soci/soci.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "api/participant_support.hpp"
#include "store/store.hpp"

using namespace stegvis::test;

namespace {

std::string path_of(std::int64_t id, const std::string& rest) { return "/api/v1/enrolments/" + std::to_string(id) + rest; }

// A person with a name no one else has, referred and accepted in the samordnare's unit.
std::int64_t enrol_person(ApiClient& sam, const std::string& municipality, const std::string& first,
                          const std::string& pn, const std::string& note_word) {
  ReferralSpec spec;
  spec.municipality = municipality;
  json body = referral_body(programme_id(), spec);
  body["person"]["personal_number"] = pn;
  body["person"]["first_name"] = first;
  body["person"]["last_name"] = "Registersson";
  body["reason"] = "Skäl " + note_word;
  auto r = sam.post("/api/v1/referrals", body);
  EXPECT_EQ(r.status, 201) << r.text;
  auto d = sam.post("/api/v1/referrals/" + std::to_string(r.body.value("id", std::int64_t{0})) + "/decision",
                    {{"decision", "accepted"}, {"support_duration", "1_2"}, {"education", "gymnasial"},
                     {"occupation_before", "sjukskriven"}});
  EXPECT_EQ(d.status, 200) << d.text;
  return d.body.value("enrolment_id", std::int64_t{0});
}

// An ORS rating straight into the table (its API belongs to the outcomes work).
void insert_rating(std::int64_t enrolment) {
  const std::string url = server().db_url;
  soci::session s;
  if (url.rfind("sqlite:", 0) == 0) s.open(soci::sqlite3, "db=" + url.substr(7) + " timeout=10");
  else s.open(soci::postgresql, stegvis::store::postgresql_keywords(url));
  long long e = enrolment;
  long long now = 1'700'000'000;
  std::string date = day();
  s << "INSERT INTO rating (enrolment_id, rating_date, scale, item1, item2, item3, item4, total, created_at) "
       "VALUES (:e, :d, 'ORS', 51, 62, 73, 84, 270, :n)",
      soci::use(e), soci::use(date), soci::use(now);
}

// The status, with the body printed when it is not the expected one.
::testing::AssertionResult answered(const Reply& r, int status) {
  if (r.status == status) return ::testing::AssertionSuccess();
  return ::testing::AssertionFailure() << r.status << " " << r.text.substr(0, 400);
}

std::string pdftotext(const std::string& pdf) {
  auto file = std::filesystem::temp_directory_path() / ("stegvis-access-" + unique_name("x") + ".pdf");
  std::ofstream(file, std::ios::binary) << pdf;
  FILE* p = popen(("pdftotext -layout '" + file.string() + "' - 2>&1").c_str(), "r");
  std::string text;
  std::array<char, 4096> buf{};
  while (p && fgets(buf.data(), buf.size(), p)) text += buf.data();
  if (p) pclose(p);
  std::filesystem::remove(file);
  return text;
}

}  // namespace

TEST(AccessExport, HoldsEveryKindOfRecordOfThePersonInEveryUnitAndNothingOfAnother) {
  ApiClient admin = logged_in("admin");
  ApiClient vastra = logged_in("samordnare.vastra");
  ApiClient sodra = logged_in("samordnare.sodra");
  const std::string first = unique_name("Registrerad"), other = unique_name("Annan");
  const std::string pn = fresh_personal_number(1988), other_pn = fresh_personal_number(1987);
  const auto coach = staff_id("coach.katrineholm");

  // First enrolment in Västra: consent, allocation, two plan versions, contact, follow-up, rating, exit, sent.
  auto id = enrol_person(vastra, "Katrineholm", first, pn, "Alfa");
  ASSERT_NE(id, 0);
  ASSERT_TRUE(answered(vastra.post(path_of(id, "/consent"), {{"parties", {"Försäkringskassan"}}, {"date", day()}, {"given", true}}), 200));
  auto alloc = vastra.post(path_of(id, "/allocation"), {{"staff_id", coach}, {"override_reason", "Test av registerutdrag"}});
  ASSERT_EQ(alloc.status, 200) << alloc.text;
  json plan{{"problem", "Problem Alfa v1"}, {"goals", {{{"area", "tilltro"}, {"text", "Mål Alfa"}}}},
            {"activities", json::array()}, {"next_follow_up", day(30)}};
  ASSERT_TRUE(answered(vastra.put(path_of(id, "/plan"), plan), 200));
  plan["problem"] = "Problem Alfa v2";
  ASSERT_TRUE(answered(vastra.put(path_of(id, "/plan"), plan), 200));
  ASSERT_TRUE(answered(vastra.post(path_of(id, "/contacts"), {{"date", day()}, {"kind", "meeting"}, {"minutes", 30}, {"note", "Kontakt Alfa"}}), 201));
  ASSERT_TRUE(answered(vastra.post(path_of(id, "/follow-ups"), {{"date", day()}, {"with_referrer", true}, {"decision", "exit"}, {"note", "Uppföljning Alfa"}}), 201));
  insert_rating(id);
  auto exited = vastra.post(path_of(id, "/exit"), {{"date", day()}, {"outcome", "studier"}, {"income_sources_after", {"studiemedel"}},
                                                   {"occupation_after", "studerande"}, {"next_step", "Nästa steg Alfa"},
                                                   {"goal_ratings", {{{"phase", "exit"}, {"area", "tilltro"}, {"rating", 5}}}}});
  ASSERT_EQ(exited.status, 200) << exited.text;
  ASSERT_TRUE(answered(vastra.post(path_of(id, "/final-report/sent"), {{"date", day()}, {"to", {"participant"}}}), 200));
  // The person returns in Södra; and someone else is enrolled in Västra beside them.
  auto again = enrol_person(sodra, "Nyköping", first, pn, "Beta");
  ASSERT_NE(again, 0);
  ASSERT_TRUE(answered(sodra.post(path_of(again, "/contacts"), {{"date", day()}, {"kind", "phone"}, {"minutes", 5}, {"note", "Kontakt Beta"}}), 201));
  auto stranger = enrol_person(vastra, "Katrineholm", other, other_pn, "Gamma");
  ASSERT_TRUE(answered(vastra.post(path_of(stranger, "/contacts"), {{"date", day()}, {"kind", "meeting"}, {"minutes", 5}, {"note", "Kontakt Gamma"}}), 201));

  ASSERT_EQ(vastra.get(path_of(id, "")).status, 200);  // a read, to be found in the log
  auto r = vastra.get(path_of(id, "/person/access-export.json"));
  ASSERT_EQ(r.status, 200) << r.text;
  const json& x = r.body;
  EXPECT_EQ(x["person"]["personal_number"], pn);
  EXPECT_EQ(x["person"]["first_name"], first);
  ASSERT_EQ(x["referrals"].size(), 2u);
  EXPECT_EQ(x["referrals"][0]["reason"], "Skäl Alfa");
  EXPECT_EQ(x["referrals"][0]["referrer_name"], "Handläggare Hansson");
  ASSERT_EQ(x["enrolments"].size(), 2u);
  const json& a = x["enrolments"][0];
  const json& b = x["enrolments"][1];
  EXPECT_EQ(a["id"], id);
  EXPECT_EQ(b["id"], again);
  EXPECT_EQ(a["place"]["unit"], "Västra");
  EXPECT_EQ(b["place"]["unit"], "Södra");
  EXPECT_FALSE(a["place"]["controller"].get<std::string>().empty()) << "each enrolment names its controller";
  EXPECT_FALSE(b["place"]["controller"].get<std::string>().empty());
  EXPECT_EQ(a["consents"].size(), 1u);
  ASSERT_EQ(a["allocations"].size(), 1u);
  EXPECT_EQ(a["allocations"][0]["staff"]["id"], coach);
  EXPECT_EQ(a["allocations"][0]["override_reason"], "Test av registerutdrag");
  ASSERT_EQ(a["plan_versions"].size(), 2u) << "every plan version";
  EXPECT_EQ(a["plan_versions"][0]["problem"], "Problem Alfa v2");
  EXPECT_EQ(a["plan_versions"][1]["problem"], "Problem Alfa v1");
  ASSERT_EQ(a["contacts"].size(), 1u);
  EXPECT_EQ(a["contacts"][0]["note"], "Kontakt Alfa");
  EXPECT_EQ(a["follow_ups"][0]["note"], "Uppföljning Alfa");
  ASSERT_EQ(a["ratings"].size(), 1u);
  EXPECT_EQ(a["ratings"][0]["scale"], "ORS");
  EXPECT_DOUBLE_EQ(a["ratings"][0]["total"].get<double>(), 27.0);
  EXPECT_EQ(a["goal_ratings"].size(), 1u);
  EXPECT_EQ(a["next_step"], "Nästa steg Alfa");
  EXPECT_EQ(a["final_document"]["sent_to"], json({"participant"}));
  EXPECT_EQ(b["contacts"][0]["note"], "Kontakt Beta");
  // Who read or changed the data: the Södra samordnare's contact is in the log too.
  bool sodra_wrote = false, vastra_read = false;
  for (const auto& line : x["audit"]) {
    sodra_wrote |= line["username"] == "samordnare.sodra" && line["action"] == "contact.add";
    vastra_read |= line["username"] == "samordnare.vastra" && line["action"] == "enrolment.read";
  }
  EXPECT_TRUE(sodra_wrote) << x["audit"].dump();
  EXPECT_TRUE(vastra_read);
  // Nothing of the other person.
  for (const std::string& theirs : {other, other_pn, std::string("Gamma"), std::to_string(stranger)})
    EXPECT_EQ(r.text.find("\"" + theirs), std::string::npos) << theirs;
  EXPECT_EQ(r.text.find("Gamma"), std::string::npos);
  EXPECT_EQ(r.text.find(other), std::string::npos);

  // Audited, without the personal number.
  auto log = audit_entries(admin, "action=person.access_export");
  ASSERT_FALSE(log.empty());
  EXPECT_EQ(log[0]["username"], "samordnare.vastra");
  EXPECT_EQ(log[0]["record_type"], "person");
  EXPECT_EQ(log[0].dump().find(pn), std::string::npos);

  // The PDF names the person, the controller and holds the audit lines.
  auto pdf = vastra.get(path_of(id, "/person/access-export.pdf"));
  ASSERT_EQ(pdf.status, 200);
  EXPECT_EQ(pdf.header("Content-Type"), "application/pdf");
  std::string text = pdftotext(pdf.text);
  EXPECT_NE(text.find(first), std::string::npos) << text.substr(0, 2000);
  EXPECT_NE(text.find(a["place"]["controller"].get<std::string>()), std::string::npos);
  EXPECT_NE(text.find("Personuppgiftsansvarig"), std::string::npos);
  EXPECT_NE(text.find("contact.add"), std::string::npos);
  EXPECT_NE(text.find("samordnare.sodra"), std::string::npos) << text;
  EXPECT_EQ(text.find("Gamma"), std::string::npos);

  // The participant page offers it to the samordnare.
  auto page = vastra.get("/enrolments/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_NE(page.text.find("Registerutdrag"), std::string::npos);
  EXPECT_NE(page.text.find("/person/access-export.pdf"), std::string::npos);
}

TEST(AccessExport, OnlyASamordnareOfTheUnitGetsIt) {
  ApiClient vastra = logged_in("samordnare.vastra");
  auto id = enrol_person(vastra, "Katrineholm", unique_name("Skyddad"), fresh_personal_number(1986), "Delta");
  ASSERT_NE(id, 0);
  ASSERT_TRUE(answered(vastra.post(path_of(id, "/allocation"), {{"staff_id", staff_id("coach.katrineholm")},
                                                      {"override_reason", "Test"}}), 200));
  for (const char* who : {"koordinator.eskilstuna", "samordnare.norra", "coach.katrineholm", "insatsansvarig",
                          "styrgrupp", "utvarderare", "admin"}) {
    ApiClient c = logged_in(who);
    EXPECT_TRUE(is_error(c.get(path_of(id, "/person/access-export.json")), 403, "forbidden")) << who;
    EXPECT_TRUE(is_error(c.get(path_of(id, "/person/access-export.pdf")), 403, "forbidden")) << who;
  }
  // The coach's page has no button.
  ApiClient coach = logged_in("coach.katrineholm");
  auto page = coach.get("/enrolments/" + std::to_string(id));
  ASSERT_EQ(page.status, 200);
  EXPECT_EQ(page.text.find("/person/access-export.pdf"), std::string::npos);
  // An anonymous enrolment has no person to export.
  ReferralSpec anon;
  anon.anonymous = true;
  auto anonymous = create_enrolment(vastra, programme_id(), anon);
  EXPECT_TRUE(is_error(vastra.get(path_of(anonymous, "/person/access-export.json")), 409, "conflict"));
  EXPECT_TRUE(is_error(vastra.get(path_of(999999999, "/person/access-export.json")), 404, "not_found"));
}
