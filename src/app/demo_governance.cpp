#include "app/demo_governance.hpp"

#include <ctime>
#include <tuple>

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/diary.hpp"
#include "domain/governance.hpp"

namespace stegvis::app {
namespace {

constexpr const char* kTeamNotes[] = {
    "Genomgång av nya deltagare och vilka parter som behöver kopplas in. Teamet diskuterade hur kontakten med "
    "arbetsgivare i Flen kan utvecklas.",
    "Samverkansteamet gick igenom inflödet: remisserna från Arbetsförmedlingen ökar. Diskussion om väntetid till "
    "första samtal.",
    "Processfråga: hur avslut dokumenteras när deltagaren går vidare till studier. Rutinen förtydligas.",
    "Uppföljning av gemensamma ärenden med Försäkringskassan. Två deltagare har ansökt om förlängd sjukpenning.",
};
constexpr const char* kTeamDecisions[] = {
    "Samordnaren bjuder in Arbetsförmedlingens handläggare till nästa möte.",
    "Rutinen för avslutssamtal gäller från och med nästa månad.",
    "Teamet träffas digitalt under sommarperioden.",
};
constexpr const char* kTeamActions[] = {
    "Ta fram en lista över praktikplatser i Vingåker",
    "Boka gemensamt samtal med Försäkringskassan om två ärenden",
    "Skicka ut uppdaterad rutin för avslut",
};
constexpr const char* kSteeringNotes[] = {
    "Styrgruppen gick igenom lägesrapporten: volymerna följer planen i Västra och Norra, Södra ligger något under. "
    "Bemanningen är full utom en vakant koordinatortjänst.",
    "Aktivitetsplanen för terminen följs. Utvärderaren presenterade en tidplan för fokusintervjuerna.",
    "Styrgruppen diskuterade spridning av resultat till parternas ledningar och inför budgetdialogen.",
};
constexpr const char* kSteeringDecisions[] = {
    "Styrgruppen godkänner lägesrapporten.",
    "Insatsansvarig får i uppdrag att ta fram ett förslag till rekrytering av koordinator i Södra.",
    "Nästa möte ägnas åt utvärderingens delresultat.",
};

}  // namespace

Status load_demo_governance(Env& env) {
  auto tx = env.db.begin(true);
  auto programmes = tx->organisation().programmes();
  if (programmes.empty()) return conflict("Demons styrning kräver demons organisation (load_demo).");
  const Programme& p = programmes.front();
  std::optional<Id> vastra;
  for (const auto& u : p.units)
    if (u.name == "Västra") vastra = u.id;
  if (!vastra) return conflict("Demons styrning kräver länsdelen Västra.");
  auto party = [&](const char* name) { auto x = tx->organisation().party_by_name(name); return x ? std::optional<Id>(x->id) : std::nullopt; };
  auto user = [&](const char* username) { auto s = tx->staff().by_username(username); return s ? std::optional<Id>(s->id) : std::nullopt; };
  Date today = *parse_date(today_string(env));
  std::string start = to_string(add_days(today, -400));
  auto& g = tx->governance();
  std::int64_t now = env.now();

  Body team{0, p.id, vastra, BodyKind::samverkansteam, "Samverkansteam Västra", 14, 120, "Stadshuset Katrineholm, rum Forsen"};
  team.id = g.save_body(team);
  for (auto [name, party_name, username] :
       std::initializer_list<std::tuple<const char*, const char*, const char*>>{
           {"Karin Samordnare", "Region Sörmland", "samordnare.vastra"},
           {"Anna Lind", "Försäkringskassan", nullptr},
           {"Johan Ek", "Arbetsförmedlingen", nullptr},
           {"Sara Holm", "Region Sörmland", nullptr}})
    g.add_member({0, team.id, party(party_name), name, username ? user(username) : std::nullopt, start, ""});

  Body steering{0, p.id, std::nullopt, BodyKind::styrgrupp, "Styrgrupp " + p.name, 0, 120, "Förbundets kontor, Eskilstuna"};
  steering.id = g.save_body(steering);
  for (auto [name, party_name, username] :
       std::initializer_list<std::tuple<const char*, const char*, const char*>>{
           {"Styrgruppsledamot Demo", "Försäkringskassan", "styrgrupp"},
           {"Eva Berg", "Arbetsförmedlingen", nullptr},
           {"Lars Nyström", "Region Sörmland", nullptr},
           {"Mona Ali", "Katrineholms kommun", nullptr},
           {"Peter Sund", "Eskilstuna kommun", nullptr}})
    g.add_member({0, steering.id, party(party_name), name, username ? user(username) : std::nullopt, start, ""});

  auto samordnare = user("samordnare.vastra");
  auto chief = user("insatsansvarig");
  // The team: every 14 days, the next one within two weeks from today; a year back.
  Date next = add_days(today, 5);
  for (int k = 26; k >= 0; --k) {
    Date d = add_days(next, -14 * k);
    Meeting m;
    m.body_id = team.id;
    m.date = to_string(d);
    m.time = "13:00";
    m.duration_minutes = 120;
    m.place = team.place;
    m.agenda = build_agenda(BodyKind::samverkansteam, k % 4 == 0 ? std::vector<std::string>{"Information från parterna"}
                                                                 : std::vector<std::string>{});
    m.attendees = {"Karin Samordnare", "Anna Lind", "Johan Ek"};
    if (k % 3 != 0) m.attendees.push_back("Sara Holm");
    else m.apologies = {"Sara Holm"};
    Id id = g.create_meeting(m, samordnare, now);
    if (k == 0) continue;  // the next meeting: agenda only
    Minutes x;
    x.version = 1;
    x.text = kTeamNotes[k % 4];
    x.decisions = {kTeamDecisions[k % 3]};
    // The latest minutes leave one action open for the samordnare (her due work, the next agenda).
    MeetingAction a{0, id, kTeamActions[k % 3], "Karin Samordnare", samordnare, to_string(add_days(d, 14)),
                    k == 1 ? "" : to_string(add_days(d, 10))};
    x.actions = {a};
    g.save_minutes(id, x, samordnare, now);
    if (k > 1) g.approve_minutes(id, 1, to_string(add_days(d, 7)), samordnare, "Karin Samordnare");
  }
  // The steering group: five times a year, the last one past with minutes, the next planned.
  for (int k = 5; k >= 0; --k) {
    Date d = add_days(today, 40 - 73 * k);
    Meeting m;
    m.body_id = steering.id;
    m.date = to_string(d);
    m.time = "09:00";
    m.duration_minutes = 150;
    m.place = steering.place;
    m.agenda = build_agenda(BodyKind::styrgrupp, {"Utvärderingens delresultat"});
    m.attendees = {"Styrgruppsledamot Demo", "Eva Berg", "Lars Nyström", "Mona Ali", "Lena Insatsansvarig"};
    m.apologies = {"Peter Sund"};
    Id id = g.create_meeting(m, chief, now);
    if (k == 0) continue;
    Minutes x;
    x.version = 1;
    x.text = kSteeringNotes[k % 3];
    x.decisions = {kSteeringDecisions[k % 3], kSteeringDecisions[(k + 1) % 3]};
    x.actions = {{0, id, "Ta fram förslag till rekrytering av koordinator", "Lena Insatsansvarig", chief,
                  to_string(add_days(d, 30)), k == 1 ? "" : to_string(add_days(d, 20))}};
    g.save_minutes(id, x, chief, now);
    g.approve_minutes(id, 1, to_string(add_days(d, 10)), chief, "Lena Insatsansvarig");
  }
  // A few diary entries of Västra's staff this year, two marked for the annual report.
  auto coach = user("coach.katrineholm");
  const std::tuple<int, const char*, std::vector<std::string>, bool> kEntries[] = {
      {-70, "En deltagare som varit hemma i två år började på praktik tre dagar i veckan. Stor glädje i teamet.",
       {"deltagarberattelse", "framgang"}, true},
      {-56, "Samverkansteamet hittade en väg för gemensam planering med Försäkringskassan för unga med "
            "aktivitetsersättning.", {"samverkan", "framgang"}, true},
      {-42, "Långa väntetider till utredning hos regionen bromsar flera deltagare.", {"hinder"}, false},
      {-21, "Arbetsgivarträff i Flen: två nya praktikplatser inom handel.", {"samverkan"}, false},
      {-7, "Svårt att få tag i handläggare under semesterperioden.", {"hinder", "samverkan"}, false}};
  for (const auto& [days, text, themes, marked] : kEntries) {
    Date d = add_days(today, days);
    if (d.year != today.year) continue;
    DiaryEntry e;
    e.unit_id = *vastra;
    e.author_id = days % 2 ? samordnare.value_or(0) : coach.value_or(samordnare.value_or(0));
    char week[12];
    std::time_t t = static_cast<std::time_t>(day_number(d)) * 86400 + 43200;
    std::tm tm{};
    gmtime_r(&t, &tm);
    std::strftime(week, sizeof week, "%G-W%V", &tm);
    e.week = week;
    e.text = text;
    e.themes = themes;
    e.for_annual_report = marked;
    e.created_at = now;
    if (e.author_id) g.add_diary_entry(e);
  }
  record(*tx, now, system_actor("demo"), "demo.governance", "programme", std::to_string(p.id));
  tx->commit();
  return load_demo_plan(env, p.id);
}

}  // namespace stegvis::app
