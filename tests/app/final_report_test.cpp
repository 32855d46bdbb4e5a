// The final document (slutdokumentation) as PDF: one participant's path in
// the Sörmland demo, through the services from referral to exit, and the PDF
// read back with poppler's pdftotext and pdfinfo.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "app/demo.hpp"
#include "app/services_test_support.hpp"
#include "domain/personal_number.hpp"

using namespace stegvis;

namespace {

std::string run(const std::string& command) {
  std::string out;
  FILE* p = popen(command.c_str(), "r");
  if (!p) return out;
  char buf[4096];
  while (std::size_t n = fread(buf, 1, sizeof buf, p)) out.append(buf, n);
  pclose(p);
  return out;
}

// A valid personal number for the date (YYYYMMDD) and serial (three digits; odd third digit: male).
std::string personal_number(const std::string& yyyymmdd, const std::string& serial) {
  std::string nine = yyyymmdd.substr(2) + serial;
  return yyyymmdd + "-" + serial + std::to_string(luhn_check_digit(nine));
}

struct Pdf {
  std::string text;
  int pages = 0;
};

struct FinalReport : ::testing::Test {
  test::AppFixture f;  // today is 2025-06-15
  app::Actor samordnare, coach, other_unit_coach;
  Id programme = 0, katrineholm = 0, fk = 0, af = 0;
  std::filesystem::path dir =
      std::filesystem::temp_directory_path() / ("stegvis-final-report-" + std::to_string(::getpid()));

  void SetUp() override {
    ASSERT_TRUE(app::load_demo(f.env()));
    samordnare = login("samordnare.vastra");
    coach = login("coach.katrineholm");
    other_unit_coach = login("coach.nykoping");
    auto tx = f.t->db->begin(false);
    programme = tx->organisation().programmes().front().id;
    katrineholm = tx->organisation().municipality_by_name("Katrineholm")->id;
    fk = tx->organisation().party_by_name("Försäkringskassan")->id;
    af = tx->organisation().party_by_name("Arbetsförmedlingen")->id;
    std::filesystem::create_directories(dir);
  }
  void TearDown() override { std::filesystem::remove_all(dir); }

  app::Actor login(const std::string& username) {
    auto r = f.services->auth.login(username, app::kDemoPassword, "127.0.0.1");
    EXPECT_TRUE(r) << username;
    return r ? r->actor : app::Actor{};
  }

  // Referral, acceptance and allocation to coach.katrineholm; the enrolment's id.
  Id enrol(const std::string& pn, const std::string& first, const std::string& last, bool anonymous = false) {
    app::ReferralInput in;
    in.programme_id = programme;
    in.track = "arbetsmarknad";
    in.municipality_id = katrineholm;
    in.referring_party_id = fk;
    in.referrer_name = "Göran Handläggare";
    in.anonymous = anonymous;
    if (!anonymous) {
      in.personal_number = pn;
      in.first_name = first;
      in.last_name = last;
    } else {
      in.birth_year = 1988;
    }
    in.gender = "female";
    in.income_sources = {"sjukpenning"};
    in.coordination_parties = {fk, af};
    in.received_on = "2024-09-02";
    auto referral = f.services->referrals.create(samordnare, in);
    EXPECT_TRUE(referral) << referral.error().message;
    app::DecisionInput d;
    d.decision = "accepted";
    d.date = "2024-09-10";
    d.support_duration = "2_5";
    d.education = "gymnasial";
    d.occupation_before = "sjukskriven";
    auto decided = f.services->referrals.decide(samordnare, *referral, d);
    EXPECT_TRUE(decided) << decided.error().message;
    Id id = *decided->enrolment_id;
    auto allocated = f.services->enrolments.allocate(samordnare, id, coach.user_id, "");
    EXPECT_TRUE(allocated) << allocated.error().message;
    return id;
  }

  void plan(Id id, int goals, int activities) {
    Plan p;
    p.problem =
        "Åsa har varit sjukskriven i två år för utmattning och vill pröva att arbeta igen, "
        "i lugn takt och med stöd i kontakten med Försäkringskassan.";
    const char* areas[] = {"maende", "tilltro", "arbetsmarknadskunskap", "studier", "insats"};
    for (int i = 0; i < goals; ++i)
      p.goals.push_back({areas[i % 5], "Mål " + std::to_string(i + 1) +
                                           ": sova bättre, orka en promenad varje dag "
                                           "och känna sig trygg i nya sammanhang. Följs upp vid varje möte med "
                                           "coachen, som noterar hur veckan har gått och vad som har fungerat."});
    for (int i = 0; i < activities; ++i)
      p.activities.push_back({i % 2 ? "praktik" : "coaching",
                              "Aktivitet " + std::to_string(i + 1) +
                                  ": ett par timmar i veckan med gradvis ökning "
                                  "efter hur det går, med avstämning varannan vecka.",
                              "2024-10-01", i % 2 ? "2025-02-28" : "", i % 2 ? std::optional<Id>(af) : std::nullopt,
                              i % 2 ? "Kafé Ängsbacken, Katrineholm" : ""});
    p.next_follow_up = "2024-12-10";
    auto saved = f.services->enrolments.save_plan(coach, id, p, -1);
    ASSERT_TRUE(saved) << saved.error().message;
  }

  void path_to_exit(Id id) {
    for (const char* date : {"2024-09-20", "2024-10-04", "2024-10-18", "2024-11-08"}) {
      Contact c;
      c.date = date;
      c.kind = "meeting";
      c.minutes = 60;
      c.note = "Samtal om veckan.";
      ASSERT_TRUE(f.services->enrolments.add_contact(coach, id, c, ""));
    }
    Contact phone;
    phone.date = "2024-11-20";
    phone.kind = "phone";
    phone.minutes = 15;
    ASSERT_TRUE(f.services->enrolments.add_contact(coach, id, phone, ""));
    FollowUp fu;
    fu.date = "2024-12-10";
    fu.with_referrer = true;
    fu.decision = "continue";
    fu.next_follow_up = "2025-03-10";
    ASSERT_TRUE(f.services->enrolments.record_follow_up(coach, id, fu));
    app::ExitInput ex;
    ex.date = "2025-05-30";
    ex.outcome = "arbete_med_stod";
    ex.income_after = {"lon"};
    ex.occupation_after = "arbete_del";
    ex.goal_ratings = {{"start", "maende", 2}, {"exit", "maende", 4}, {"start", "tilltro", 1}, {"exit", "tilltro", 3}};
    ex.next_step = "Fortsatt anställning med lönebidrag; Arbetsförmedlingen följer upp efter sex månader.";
    auto exited = f.services->enrolments.exit(coach, id, ex);
    ASSERT_TRUE(exited) << exited.error().message;
  }

  Pdf read(const std::string& bytes, const std::string& name) {
    auto file = dir / (name + ".pdf");
    std::ofstream(file, std::ios::binary) << bytes;
    Pdf pdf;
    pdf.text = run("pdftotext -layout '" + file.string() + "' - 2>&1");
    std::string info = run("pdfinfo '" + file.string() + "' 2>&1");
    auto at = info.find("Pages:");
    if (at != std::string::npos) pdf.pages = std::stoi(info.substr(at + 6));
    return pdf;
  }
};

}  // namespace

TEST_F(FinalReport, AnExitedPathBecomesAPdfWithItsSwedishTextIntact) {
  std::string pn = personal_number("19900517", "242");
  Id id = enrol(pn, "Åsa", "Öberg");
  plan(id, 2, 2);
  path_to_exit(id);

  auto bytes = f.services->enrolments.final_report_pdf(coach, id);
  ASSERT_TRUE(bytes) << bytes.error().message;
  ASSERT_EQ(bytes->rfind("%PDF-", 0), 0u);
  Pdf pdf = read(*bytes, "short");
  EXPECT_GE(pdf.pages, 1);
  for (const std::string& expected :
       {std::string("Slutdokumentation"),
        std::string("Samordningsförbundet RAR i Sörmland"),
        std::string("Sikta mot arbetslivet"),
        std::string("Åsa Öberg"),
        pn,
        std::string("2024-09-10 – 2025-05-30"),
        std::string("Försäkringskassan"),
        std::string("Göran Handläggare"),
        std::string("Katrineholms kommun"),
        std::string("Arbete med stöd (subventionerat)"),
        std::string("Förbättrat mående"),
        std::string("Ökad tilltro till den egna förmågan"),
        std::string("Kafé Ängsbacken"),
        std::string("Praktik"),
        std::string("Lön"),
        std::string("5 kontakter"),
        std::string("2024-12-10 (med remittent)"),
        std::string("Fortsatt anställning med lönebidrag"),
        std::string("Skickas till deltagaren och remittenten inom tre veckor efter avslut"),
        std::string("Sista dag att skicka: 2025-06-20."),
        "Sida 1 av " + std::to_string(pdf.pages)})
    EXPECT_NE(pdf.text.find(expected), std::string::npos) << "missing: " << expected << "\n" << pdf.text;

  store::AuditFilter filter;
  filter.action = "final_report.pdf";
  filter.record_id = std::to_string(id);
  auto audit = f.services->audit.search(f.admin, filter);
  ASSERT_TRUE(audit);
  EXPECT_EQ(audit->total, 1);
}

TEST_F(FinalReport, ALongPlanFlowsOverNumberedPages) {
  Id id = enrol(personal_number("19851203", "128"), "Märta", "Ståhl");
  plan(id, 18, 16);
  path_to_exit(id);
  auto bytes = f.services->enrolments.final_report_pdf(samordnare, id);
  ASSERT_TRUE(bytes) << bytes.error().message;
  Pdf pdf = read(*bytes, "long");
  EXPECT_GE(pdf.pages, 2);
  EXPECT_NE(pdf.text.find("Sida 2 av " + std::to_string(pdf.pages)), std::string::npos) << pdf.text;
  EXPECT_NE(pdf.text.find("Mål 18:"), std::string::npos);
  EXPECT_NE(pdf.text.find("Aktivitet 16:"), std::string::npos);
  EXPECT_NE(pdf.text.find("Rekommenderat nästa steg"), std::string::npos);
}

TEST_F(FinalReport, AnAnonymousRegistrationShowsNoIdentity) {
  Id id = enrol("", "", "", true);
  path_to_exit(id);
  auto bytes = f.services->enrolments.final_report_pdf(coach, id);
  ASSERT_TRUE(bytes) << bytes.error().message;
  Pdf pdf = read(*bytes, "anonymous");
  EXPECT_NE(pdf.text.find("Anonym registrering"), std::string::npos) << pdf.text;
  EXPECT_NE(pdf.text.find("Kvinna, 1988"), std::string::npos) << pdf.text;
  EXPECT_NE(pdf.text.find("Ingen handlingsplan registrerades."), std::string::npos) << pdf.text;
  EXPECT_EQ(pdf.text.find("Personnummer"), std::string::npos) << pdf.text;
}

TEST_F(FinalReport, AnActiveEnrolmentHasNoFinalDocumentYet) {
  Id id = enrol(personal_number("19930220", "364"), "Saga", "Björk");
  auto r = f.services->enrolments.final_report_pdf(coach, id);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::conflict);
  EXPECT_NE(r.error().message.find("pågår"), std::string::npos) << r.error().message;
}

TEST_F(FinalReport, ACoachOfAnotherUnitIsRefusedAndTheDenialAudited) {
  Id id = enrol(personal_number("19900517", "242"), "Åsa", "Öberg");
  path_to_exit(id);
  auto r = f.services->enrolments.final_report_pdf(other_unit_coach, id);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::forbidden);
  store::AuditFilter filter;
  filter.action = "access.denied";
  filter.username = "coach.nykoping";
  auto audit = f.services->audit.search(f.admin, filter);
  ASSERT_TRUE(audit);
  EXPECT_GE(audit->total, 1);
  filter.action = "final_report.pdf";
  filter.username = "";
  filter.record_id = std::to_string(id);
  EXPECT_EQ(f.services->audit.search(f.admin, filter)->total, 0);
}
