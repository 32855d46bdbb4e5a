#include "app/questionnaire_service.hpp"

#include <algorithm>

#include "app/audit.hpp"
#include "app/referral_service.hpp"
#include "crypto/crypto.hpp"

namespace stegvis::app {
namespace {

Error denied(Env& env, const Actor& a, const std::string& type, Id id, const std::string& what) {
  record_standalone(env, a, "access.denied", type, std::to_string(id), "enkät: " + what);
  return forbidden("Du har inte behörighet att " + what + ".");
}

const Unit* unit_of(const Programme& p, Id id) {
  for (const auto& u : p.units)
    if (u.id == id) return &u;
  return nullptr;
}

RoundView view_of(const store::SurveyRound& r, const std::vector<Programme>& programmes, const std::string& today) {
  RoundView v{r, "", "", round_state(r.opens, r.closes, today)};
  for (const auto& p : programmes) {
    if (p.id != r.programme_id) continue;
    v.programme = p.name;
    if (r.unit_id)
      if (const Unit* u = unit_of(p, *r.unit_id)) v.unit = u->name;
  }
  return v;
}

const Programme* programme_of(const std::vector<Programme>& all, Id id) {
  for (const auto& p : all)
    if (p.id == id) return &p;
  return nullptr;
}

}  // namespace

bool QuestionnaireService::may_manage(const Actor& a) {
  return a.has_role(Role::insatsansvarig) || a.has_role(Role::samordnare);
}

bool QuestionnaireService::may_manage_round(const Actor& a, std::optional<Id> unit_id) {
  if (a.has_role(Role::insatsansvarig)) return true;
  return unit_id && a.has_role_in_unit(Role::samordnare, *unit_id);
}

bool QuestionnaireService::may_read_results(const Actor& a, const Programme& p) {
  for (const auto& r : a.roles) {
    if (r.role == Role::administrator) continue;
    if (!r.unit_id) return true;  // association level: every programme
    if (unit_of(p, *r.unit_id)) return true;
  }
  return false;
}

Result<std::vector<Questionnaire>> QuestionnaireService::list(const Actor& actor) {
  auto tx = env_.db.begin(false);
  auto programmes = tx->organisation().programmes();
  if (std::none_of(programmes.begin(), programmes.end(), [&](const Programme& p) { return may_read_results(actor, p); })) {
    tx.reset();
    return denied(env_, actor, "questionnaire", 0, "se enkäterna");
  }
  return tx->questionnaires().questionnaires();
}

Result<QuestionnaireView> QuestionnaireService::get(const Actor& actor, Id id) {
  auto tx = env_.db.begin(false);
  auto q = tx->questionnaires().questionnaire(id);
  if (!q) return not_found("Enkäten finns inte.");
  auto programmes = tx->organisation().programmes();
  QuestionnaireView v{*q, {}, may_manage(actor)};
  const std::string today = today_string(env_);
  bool reads_any = false;
  for (const auto& p : programmes) reads_any = reads_any || may_read_results(actor, p);
  if (!reads_any) {
    tx.reset();
    return denied(env_, actor, "questionnaire", id, "se enkäten");
  }
  for (const auto& r : tx->questionnaires().rounds(id)) {
    const Programme* p = programme_of(programmes, r.programme_id);
    if (p && may_read_results(actor, *p)) v.rounds.push_back(view_of(r, programmes, today));
  }
  return v;
}

Result<SaveResult> QuestionnaireService::create(const Actor& actor, const QuestionnaireDraft& d) {
  if (!may_manage(actor)) return denied(env_, actor, "questionnaire", 0, "skapa enkäter");
  if (auto e = check_questionnaire(d)) return *e;
  auto tx = env_.db.begin(true);
  Id id = tx->questionnaires().create_questionnaire(d, actor.user_id ? std::optional<Id>(actor.user_id) : std::nullopt,
                                                     env_.now());
  record(*tx, env_.now(), actor, "questionnaire.create", "questionnaire", std::to_string(id),
         d.group + ", " + std::to_string(d.items.size()) + " frågor");
  tx->commit();
  return SaveResult{id, 1, false};
}

Result<SaveResult> QuestionnaireService::update(const Actor& actor, Id id, const QuestionnaireDraft& d) {
  if (!may_manage(actor)) return denied(env_, actor, "questionnaire", id, "ändra enkäter");
  if (auto e = check_questionnaire(d)) return *e;
  auto tx = env_.db.begin(true);
  auto& qs = tx->questionnaires();
  auto q = qs.questionnaire(id);
  if (!q) return not_found("Enkäten finns inte.");
  qs.update_fields(id, d);
  SaveResult r{id, q->version, false};
  if (q->frozen) {
    r.version = qs.add_version(id, d.items, env_.now());
    r.new_version = true;
  } else {
    qs.replace_items(q->version_id, d.items);
  }
  record(*tx, env_.now(), actor, "questionnaire.update", "questionnaire", std::to_string(id),
         "version " + std::to_string(r.version) + (r.new_version ? " (ny)" : ""));
  tx->commit();
  return r;
}

Result<RoundCreated> QuestionnaireService::create_round(const Actor& actor, Id questionnaire_id, const RoundInput& in) {
  if (!may_manage_round(actor, in.unit_id)) {
    if (in.unit_id) return denied(env_, actor, "unit", *in.unit_id, "starta enkätomgångar för länsdelen");
    return denied(env_, actor, "questionnaire", questionnaire_id, "starta enkätomgångar för hela insatsen");
  }
  if (in.invitations < 1 || in.invitations > kMaxInvitations)
    return unprocessable("invitations", "Ange 1–" + std::to_string(kMaxInvitations) + " inbjudningar (länkar).");
  const std::string today = today_string(env_);
  if (auto e = check_round_dates(in.opens, in.closes, today)) return *e;
  auto tx = env_.db.begin(true);
  auto q = tx->questionnaires().questionnaire(questionnaire_id);
  if (!q) return not_found("Enkäten finns inte.");
  auto programmes = tx->organisation().programmes();
  std::optional<Id> programme_id = in.programme_id;
  if (!programme_id && in.unit_id)
    for (const auto& p : programmes)
      if (unit_of(p, *in.unit_id)) programme_id = p.id;
  if (!programme_id && programmes.size() == 1) programme_id = programmes.front().id;
  if (!programme_id) return invalid("programme", "Ange vilken insats omgången gäller (programme).");
  const Programme* p = programme_of(programmes, *programme_id);
  if (!p) return unprocessable("programme", "Insatsen finns inte.");
  if (in.unit_id && !unit_of(*p, *in.unit_id)) return unprocessable("unit", "Länsdelen hör inte till insatsen.");

  RoundCreated out;
  std::vector<std::string> hashes;
  for (int i = 0; i < in.invitations; ++i) {
    out.tokens.push_back(crypto::random_token());
    hashes.push_back(crypto::hash_hex(out.tokens.back()));
  }
  store::SurveyRound r;
  r.questionnaire_id = questionnaire_id;
  r.version_id = q->version_id;
  r.programme_id = p->id;
  r.unit_id = in.unit_id;
  r.opens = in.opens;
  r.closes = in.closes;
  r.invitations = in.invitations;
  out.id = tx->questionnaires().create_round(r, hashes, actor.user_id ? std::optional<Id>(actor.user_id) : std::nullopt,
                                            env_.now());
  record(*tx, env_.now(), actor, "survey_round.create", "survey_round", std::to_string(out.id),
         "enkät " + std::to_string(questionnaire_id) + " v" + std::to_string(q->version) + ", " +
             std::to_string(in.invitations) + " länkar, " + in.opens + "–" + in.closes);
  tx->commit();
  return out;
}

Result<ResultsView> QuestionnaireService::results(const Actor& actor, Id questionnaire_id, std::optional<Id> round_id) {
  auto tx = env_.db.begin(false);
  auto& qs = tx->questionnaires();
  auto q = qs.questionnaire(questionnaire_id);
  if (!q) return not_found("Enkäten finns inte.");
  auto programmes = tx->organisation().programmes();
  const std::string today = today_string(env_);
  ResultsView v;
  v.questionnaire = *q;
  auto all = qs.rounds(questionnaire_id);
  for (const auto& r : all) {
    const Programme* p = programme_of(programmes, r.programme_id);
    if (p && may_read_results(actor, *p)) v.rounds.push_back(view_of(r, programmes, today));
  }
  const store::SurveyRound* chosen = nullptr;
  if (round_id) {
    for (const auto& r : all)
      if (r.id == *round_id) chosen = &r;
    if (!chosen || chosen->questionnaire_id != questionnaire_id) return not_found("Omgången finns inte för enkäten.");
  } else {
    for (const auto& r : all)
      if (round_state(r.opens, r.closes, today) == RoundState::closed && (!chosen || r.closes >= chosen->closes))
        chosen = &r;
    if (!chosen && !all.empty()) chosen = &all.back();
    if (!chosen) return not_found("Enkäten har inga omgångar ännu.");
  }
  const Programme* p = programme_of(programmes, chosen->programme_id);
  if (!p || !may_read_results(actor, *p)) {
    tx.reset();
    return denied(env_, actor, "survey_round", chosen->id, "se resultatet av enkätomgången");
  }
  auto summary = [&](const store::SurveyRound& r) {
    return summarise(qs.items(r.version_id), qs.response_count(r.id), qs.tallies(r.id));
  };
  v.round = view_of(*chosen, programmes, today);
  v.items = qs.items(chosen->version_id);
  v.results = summarise(v.items, qs.response_count(chosen->id), qs.tallies(chosen->id));
  if (!v.results.suppressed) {
    v.free_texts = qs.free_texts(chosen->id, kMaxFreeTextsPerItem);
    // A text item answered by fewer than 5 is hidden like any other small cell.
    std::erase_if(v.free_texts, [&](const store::FreeText& t) {
      for (const auto& ir : v.results.items)
        if (ir.item.key == t.item_key) return ir.suppressed;
      return true;
    });
  }
  for (const auto& r : all) {
    if (r.id == chosen->id || r.programme_id != chosen->programme_id) continue;
    if (r.unit_id == chosen->unit_id && r.opens < chosen->opens) v.previous = ComparedRound{view_of(r, programmes, today), summary(r)};
    if (r.unit_id != chosen->unit_id && r.opens <= chosen->closes && r.closes >= chosen->opens)
      v.units.push_back({view_of(r, programmes, today), summary(r)});
  }
  return v;
}

}  // namespace stegvis::app
