// The demo's ~300 invented participants: every stage of the path, in
// proportion to the municipalities, within capacity, the same for the same
// seed, and due work for the samordnare to see.
#include <gtest/gtest.h>

#include <map>
#include <set>

#include "app/audit.hpp"
#include "app/demo.hpp"
#include "app/services_test_support.hpp"
#include "domain/personal_number.hpp"

using namespace stegvis;

namespace {

struct Loaded {
  test::AppFixture f;  // today is 2025-06-15
  Loaded() { EXPECT_TRUE(app::load_demo(f.env())); }

  std::vector<Enrolment> enrolments() {
    auto tx = f.t->db->begin(false);
    store::EnrolmentFilter all;
    all.limit = 100000;
    return tx->participants().enrolments(all, nullptr);
  }
  std::vector<Referral> referrals() {
    auto tx = f.t->db->begin(false);
    std::vector<Referral> out;
    for (const auto& u : tx->organisation().units())
      for (auto& r : tx->participants().referrals(u.id, "")) out.push_back(r);
    return out;
  }
  std::map<Id, std::string> municipality_names() {
    auto tx = f.t->db->begin(false);
    std::map<Id, std::string> out;
    for (const auto& m : tx->organisation().municipalities()) out[m.id] = m.name;
    return out;
  }
  std::map<Id, std::string> track_codes() {
    auto tx = f.t->db->begin(false);
    std::map<Id, std::string> out;
    auto programmes = tx->organisation().programmes();
    for (const auto& t : programmes.front().tracks) out[t.id] = t.code;
    return out;
  }
};

double share(int part, std::size_t whole) { return whole ? static_cast<double>(part) / static_cast<double>(whole) : 0; }

}  // namespace

TEST(DemoParticipants, FillEveryMunicipalityAndBothTracksInProportion) {
  Loaded demo;
  auto enrolments = demo.enrolments();
  ASSERT_GE(enrolments.size(), 250u);
  ASSERT_LE(enrolments.size(), 350u);
  auto names = demo.municipality_names();
  auto tracks = demo.track_codes();
  std::map<std::string, int> per_municipality, per_track;
  int female = 0, anonymous = 0;
  for (const auto& e : enrolments) {
    ++per_municipality[names[e.municipality_id]];
    ++per_track[tracks[e.track_id]];
    female += e.gender == "female";
    anonymous += e.anonymous;
  }
  EXPECT_EQ(per_municipality.size(), 9u);
  for (const auto& [name, n] : per_municipality) {
    if (name != "Eskilstuna") {
      EXPECT_LT(n, per_municipality["Eskilstuna"]) << name << " outnumbers Eskilstuna";
    }
  }
  EXPECT_GT(per_municipality["Nyköping"], per_municipality["Trosa"]);
  EXPECT_NEAR(share(per_track["unga"], enrolments.size()), 0.4, 0.08);
  EXPECT_GT(per_track["arbetsmarknad"], per_track["unga"]);
  EXPECT_NEAR(share(female, enrolments.size()), 0.55, 0.08);
  EXPECT_NEAR(share(anonymous, enrolments.size()), 0.10, 0.05);
}

TEST(DemoParticipants, ReachEveryStageWithinTheRules) {
  Loaded demo;
  auto enrolments = demo.enrolments();
  auto tracks = demo.track_codes();
  std::map<std::string, int> status, outcome;
  for (const auto& r : demo.referrals()) ++status[r.status];
  for (const char* s : {"received", "intake_booked", "waiting_list", "declined", "accepted"})
    EXPECT_GT(status[s], 0) << s;
  int exited = 0, sent = 0, unsent = 0, with_plan = 0, active_without_plan = 0, follow_ups = 0, contacts = 0;
  std::set<std::string> numbers;
  auto tx = demo.f.t->db->begin(false);
  auto& p = tx->participants();
  for (const auto& e : enrolments) {
    int age = std::stoi(e.start_date.substr(0, 4)) - e.birth_year;
    EXPECT_GE(age, 18);
    EXPECT_LE(age, tracks[e.track_id] == "unga" ? 29 : 65);
    EXPECT_LE(e.start_date, "2025-06-15");
    if (!e.active()) {
      ++exited;
      ++outcome[e.outcome];
      EXPECT_GT(e.exit_date, e.start_date);
      EXPECT_LE(e.exit_date, "2025-06-15");
      (e.final_report_sent_on.empty() ? unsent : sent)++;
    }
    auto plan = p.plan(e.id);
    with_plan += plan.has_value();
    if (e.active() && !plan && e.start_date < "2025-05-01") ++active_without_plan;
    follow_ups += static_cast<int>(p.follow_ups(e.id).size());
    contacts += static_cast<int>(p.contacts(e.id).size());
    if (e.anonymous) {
      EXPECT_FALSE(e.person_id);
      continue;
    }
    ASSERT_TRUE(e.person_id);
    auto who = p.identity(*e.person_id);
    ASSERT_TRUE(who);
    EXPECT_FALSE(who->first_name.empty());
    EXPECT_TRUE(parse_personal_number(who->personal_number, {2025, 6, 15})) << who->personal_number;
    EXPECT_TRUE(numbers.insert(who->personal_number).second) << "twice: " << who->personal_number;
  }
  EXPECT_NEAR(share(exited, enrolments.size()), 0.55, 0.1);
  for (const char* o : {"arbete", "studier", "ame_rehab", "af_fk_samarbete", "arbetssokande", "avbrott"})
    EXPECT_GT(outcome[o], 0) << o;
  EXPECT_GT(sent, 3 * unsent) << "most final documents are sent";
  EXPECT_GT(unsent, 0) << "a few are not sent yet";
  EXPECT_GT(share(with_plan, enrolments.size()), 0.75);
  EXPECT_GT(active_without_plan, 0) << "some plans are missing after 30 days";
  EXPECT_GT(follow_ups, static_cast<int>(enrolments.size()));
  EXPECT_GT(contacts, 10 * static_cast<int>(enrolments.size()));

  auto loads = p.caseloads();
  for (const auto& s : tx->staff().list(std::nullopt))
    EXPECT_LE(loads[s.id], static_cast<int>(capacity(s))) << s.username << " is over capacity";
  tx.reset();
  EXPECT_TRUE(app::verify_audit_chain(*demo.f.t->db).ok);
}

TEST(DemoParticipants, AreTheSameForTheSameSeed) {
  auto signature = [](Loaded& demo) {
    auto names = demo.municipality_names();
    std::map<std::string, int> counts;
    std::vector<std::string> rows;
    for (const auto& e : demo.enrolments()) {
      ++counts[names[e.municipality_id] + "/" + (e.active() ? "active" : e.outcome)];
      rows.push_back(std::to_string(e.id) + " " + e.start_date + " " + e.exit_date + " " + e.gender + " " +
                     std::to_string(e.birth_year) + " " + std::to_string(e.staff_id.value_or(0)));
    }
    for (const auto& r : demo.referrals()) ++counts["referral/" + r.status];
    return std::make_pair(counts, rows);
  };
  Loaded a, b;
  auto sa = signature(a), sb = signature(b);
  EXPECT_EQ(sa.first, sb.first);
  EXPECT_EQ(sa.second, sb.second);
}

TEST(DemoParticipants, GiveTheVastraSamordnareDueWork) {
  Loaded demo;
  auto login = demo.f.services->auth.login("samordnare.vastra", app::kDemoPassword, "127.0.0.1");
  ASSERT_TRUE(login);
  auto tasks = demo.f.services->enrolments.tasks(login->actor);
  ASSERT_TRUE(tasks) << tasks.error().message;
  ASSERT_FALSE(tasks->empty());
  std::set<std::string> kinds;
  for (const auto& t : *tasks) kinds.insert(t.kind);
  EXPECT_TRUE(kinds.count("follow_up")) << "follow-ups coming up or overdue";
  EXPECT_TRUE(kinds.count("final_report") || kinds.count("plan_missing") || kinds.count("referral_decision"));
  auto coach = demo.f.services->auth.login("coach.katrineholm", app::kDemoPassword, "127.0.0.1");
  ASSERT_TRUE(coach);
  EXPECT_FALSE(demo.f.services->enrolments.tasks(coach->actor)->empty());
}
