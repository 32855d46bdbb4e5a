// The demo's programme plan (versions 1.0 and 1.1, summarised from the plan
// document of "Sikta mot arbetslivet") and its semester activity plan (from
// shared/data/sikta_activity_plan.csv, copied here: a user's clone has no shared/).
#include "app/demo_governance.hpp"

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "domain/programme_plan.hpp"

#include <map>

namespace stegvis::app {
namespace {

constexpr const char* kActivities[][2] = {
    {"Hösten 2023", "Personaltillsättning"},
    {"Hösten 2023", "Arbeta fram en målbild för de tre länsdelarna"},
    {"Hösten 2023", "Länsdelarna bildar lokala arbetsgrupper med personal"},
    {"Hösten 2023", "Gemensamma blanketter och text till hemsida arbetas fram"},
    {"Hösten 2023", "Påbörja planering med SWECO för utvärdering"},
    {"Hösten 2023", "Deltagare börjar aktualiseras"},
    {"Hösten 2023", "Utbildningsinsats Våga fråga"},
    {"Våren 2024", "Utvärderings- och uppföljningsplan klar"},
    {"Våren 2024", "Utbildningsinsats för hela personalgruppen om BIP"},
    {"Våren 2024", "Utbildningsinsats hedersrelaterat våld och förtryck"},
    {"Våren 2024", "Personal deltar på nätverksträffar i samverkan med ESF-projekten SPIRA, Ungas Framtid och ISA"},
    {"Våren 2024", "Länsdelarna bildar lokala chefs/arbetsgrupper"},
    {"Våren 2024", "Spridning av information om insatsen via media"},
    {"Våren 2024", "Utbildning BIP"},
    {"Hösten 2024", "Konferens med hela personalstyrkan"},
    {"Hösten 2024", "Utbildningsinsats för hela personalgruppen kring Horisontella principer"},
    {"Hösten 2024", "Personal deltar på nätverksträff i samverkan med ESF-projekten SPIRA, Ungas Framtid och ISA"},
    {"Hösten 2024", "Insamling av uppföljningsresultat/fokusintervjuer av utvärderare"},
    {"Hösten 2024", "Utvärderingsseminarium kring uppföljningsresultaten"},
    {"Hösten 2024", "Utbildning BIP"},
    {"Hösten 2024", "Uppföljning av utbildningsinsats kring BIP"},
    {"Våren 2025", "Uppföljning av horisontella principerna via workshop"},
    {"Våren 2025", "Uppföljning av utbildningsinsats BIP"},
    {"Våren 2025", "Motverka våld-utbildning"},
    {"Våren 2025", "Personal deltar på nätverksträff i samverkan med ESF-projekten SPIRA, Ungas Framtid och ISA"},
    {"Våren 2025", "Konferens med hela personalstyrkan"},
    {"Hösten 2025", "Insamling av uppföljningsresultat av utvärderare"},
    {"Hösten 2025", "Planering av mittkonferens"},
    {"Hösten 2025", "Personal deltar på nätverksträff samverkan med ESF-projekten SPIRA, Ungas Framtid och ISA"},
    {"Våren 2026", "Mittkonferens"},
    {"Våren 2026", "Plan för fortsatt utvärdering klar"},
    {"Våren 2026", "Konferens med hela personalstyrkan"},
};

std::map<std::string, std::string> sections_v10() {
  return {
      {"bakgrund",
       "En hög andel personer med psykisk ohälsa eller neuropsykiatrisk funktionsnedsättning står utanför "
       "arbetsmarknaden.\nOrsakerna finns både hos individen och i mötet med myndigheterna.\nSikta mot arbetslivet "
       "ersätter flera korta lokala insatser med en länsövergripande insats för alla kommuner, regionen, "
       "Försäkringskassan och Arbetsförmedlingen."},
      {"syfte",
       "Att stötta och bredda väg för målgruppen att i samband med avslut i insatsen eller inom överskådlig tid gå "
       "till självförsörjning och/eller ett aktivt liv."},
      {"mal",
       "Skapa förbättrade förutsättningar för målgruppen att närma sig arbetslivet.\nÖkad tilltro till den egna "
       "förmågan.\nÖkade kunskaper om arbetsmarknaden.\nÖkade möjligheter att påbörja eller slutföra studier.\n"
       "Förbättrat mående.\nSamverkan mellan parterna ska förbättras."},
      {"malgrupp",
       "Personer med försörjningsstöd, sjukpenning eller aktivitetsersättning som har psykisk ohälsa och/eller "
       "neuropsykiatrisk funktionsnedsättning.\nInriktning arbetsmarknad 18–65 år, inriktning unga 18–29 år."},
      {"organisation",
       "Länet delas i tre länsdelar: Västra, Södra och Norra.\nEn länsövergripande styrgrupp med chefer från "
       "parterna.\nVarje länsdel har ett samverkansteam."},
      {"roller",
       "Förbundschefen är insatsägare och leder styrgruppen.\nInsatsansvarig länkar styrgrupp och länsdelar.\n"
       "Samordnare leder länsdelen; koordinatorer och coacher ger deltagarna personligt stöd."},
      {"uppfoljning",
       "Deltagarnas utveckling följs upp minst var tredje månad.\nExtern utvärderare följer insatsen."},
  };
}

// 1.1: the plan as the steering group has it today: quantitative goal, places, horizontal principles.
std::map<std::string, std::string> sections_v11() {
  auto s = sections_v10();
  s["mal"] =
      "Skapa förbättrade förutsättningar för målgruppen att närma sig arbetslivet.\nÖkad tilltro till den egna "
      "förmågan och därmed sina möjligheter till jobb.\nÖkade kunskaper om arbetsmarknaden.\nÖkade möjligheter att "
      "påbörja eller slutföra studier.\nFörbättrade möjligheter att gå till lämplig insats.\nFörbättrat mående.\n"
      "Samverkan mellan parterna ska förbättras.\nKvantitativt mål: 100 % av deltagarna går vidare till arbete, "
      "studier eller fortsatt rehabilitering.";
  s["malgrupp"] =
      "Personer med försörjningsstöd, sjukpenning, aktivitetsersättning eller utan ersättning som upplever eller har "
      "dokumenterad psykisk ohälsa och/eller neuropsykiatrisk funktionsnedsättning.\nInriktning arbetsmarknad 18–65 "
      "år, inriktning unga 18–29 år.\nMålgruppen kan inte tillgodogöra sig Arbetsförmedlingens insatser på egen hand.";
  s["organisation"] =
      "Länet delas i tre länsdelar: Västra (Katrineholm, Flen, Vingåker), Södra (Nyköping, Oxelösund, Gnesta, Trosa) "
      "och Norra (Eskilstuna, Strängnäs).\nEn länsövergripande styrgrupp med chefer från parterna.\nVarje länsdel har "
      "ett samverkansteam; i Södra bjuds parterna in efter behov.";
  s["uppfoljning"] =
      "Deltagarnas utveckling följs upp minst var tredje månad.\nExtern utvärderare följer insatsen.\nMål för de "
      "horisontella principerna (jämställdhet, tillgänglighet, icke-diskriminering) ställs upp från hösten 2025.";
  return s;
}

}  // namespace

Status load_demo_plan(Env& env, Id programme_id) {
  auto tx = env.db.begin(true);
  auto& g = tx->governance();
  std::int64_t now = env.now();
  g.add_plan_version({0, programme_id, "1.0", "Godkänd", "Styrgruppen", "2024-01-26", sections_v10()}, std::nullopt, now);
  g.add_plan_version({0, programme_id, "1.1", "Godkänd", "Styrgruppen", "2024-03-19", sections_v11()}, std::nullopt, now);
  Date today = *parse_date(today_string(env));
  int n = 0;
  for (const auto& [semester, activity] : kActivities) {
    ActivityItem item{0, programme_id, semester, activity, "planned", "Insatsansvarig", ""};
    auto end = semester_end(semester);
    Date start = end->month == 6 ? Date{end->year, 1, 1} : Date{end->year, 7, 1};
    if (today > *end) item.status = "done";
    else if (today >= start) item.status = "ongoing";
    // One activity was cancelled, and one is still open after its semester: the plan shows both.
    if (++n == 13) item.status = "cancelled";
    if (std::string(activity) == "Plan för fortsatt utvärdering klar" && today > *end) item.status = "ongoing";
    if (item.status == "done") item.evidence = "Redovisat i styrgruppens protokoll";
    g.save_activity_item(item, now);
  }
  record(*tx, now, system_actor("demo"), "demo.plan", "programme", std::to_string(programme_id));
  tx->commit();
  return done();
}

}  // namespace stegvis::app
