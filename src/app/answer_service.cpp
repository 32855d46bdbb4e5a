#include "app/answer_service.hpp"

#include "app/referral_service.hpp"
#include "crypto/crypto.hpp"

namespace stegvis::app {
namespace {

// The throttle's key: a hash, so that no address is stored in the clear.
std::string guess_key(const std::string& address) { return "answer:" + crypto::hash_hex("survey-guess:" + address); }

Error gone(std::string message) { return {ErrorCode::gone, std::move(message), {}}; }

struct Opened {
  store::SurveyToken token;
  store::SurveyRound round;
  Questionnaire questionnaire;
};

// Looks the token up and refuses it as the respondent should hear it.
Result<Opened> open(Env& env, store::Store& tx, const std::string& token, const std::string& address) {
  const std::string key = guess_key(address);
  const auto since = env.now() - env.settings.throttle_window_minutes * 60;
  if (tx.sessions().failures_since(key, since) >= env.settings.max_failures_per_address)
    return Error{ErrorCode::too_many_requests, "För många felaktiga länkar. Vänta en stund och försök igen.", {}};
  std::optional<store::SurveyToken> t;
  if (is_token_shape(token)) t = tx.questionnaires().token_by_hash(crypto::hash_hex(token));
  if (!t) return not_found("Länken finns inte. Kontrollera att hela adressen kom med.");
  auto r = tx.questionnaires().round(t->round_id);
  if (!r) return not_found("Länken finns inte.");
  if (!t->used_on.empty()) return gone("Den här länken har redan använts för att svara. Varje länk kan användas en gång.");
  switch (round_state(r->opens, r->closes, today_string(env))) {
    case RoundState::not_open: return gone("Enkäten öppnar " + r->opens + ". Välkommen tillbaka då.");
    case RoundState::closed: return gone("Enkäten stängde " + r->closes + " och tar inte emot fler svar.");
    case RoundState::open: break;
  }
  auto q = tx.questionnaires().questionnaire(r->questionnaire_id);
  if (!q) return not_found("Länken finns inte.");
  q->items = tx.questionnaires().items(r->version_id);  // the round's version, not the current one
  return Opened{*t, *r, *q};
}

void count_guess(Env& env, const std::string& address) {
  auto tx = env.db.begin(true);
  tx->sessions().record_failure(guess_key(address), env.now());
  tx->commit();
}

}  // namespace

Result<AnswerForm> AnswerService::form(const std::string& token, const std::string& address) {
  Result<Opened> o = [&]() -> Result<Opened> {
    auto tx = env_.db.begin(false);
    return open(env_, *tx, token, address);
  }();
  if (!o) {
    if (o.error().code == ErrorCode::not_found) count_guess(env_, address);
    return o.error();
  }
  return AnswerForm{o->questionnaire.name, o->questionnaire.description, o->questionnaire.group,
                    o->questionnaire.items, o->round.closes};
}

Status AnswerService::submit(const std::string& token, const std::map<std::string, AnswerValue>& answers,
                             const std::string& address) {
  auto tx = env_.db.begin(true);
  auto o = open(env_, *tx, token, address);
  if (!o) {
    tx.reset();
    if (o.error().code == ErrorCode::not_found) count_guess(env_, address);
    return o.error();
  }
  if (auto e = check_answers(o->questionnaire.items, answers)) return *e;
  const std::string day = today_string(env_);
  if (!tx->questionnaires().consume_token(o->token.id, day))
    return gone("Den här länken har redan använts för att svara. Varje länk kan användas en gång.");
  std::vector<store::StoredAnswer> stored;
  for (const auto& item : o->questionnaire.items) {
    auto it = answers.find(item.key);
    if (it == answers.end()) continue;
    if (item.kind == ItemKind::text) {
      if (it->second.text && it->second.text->find_first_not_of(" \t\r\n") != std::string::npos) stored.push_back({item.key, std::nullopt, *it->second.text});
    } else if (it->second.number) {
      stored.push_back({item.key, static_cast<int>(*it->second.number), {}});
    }
  }
  tx->questionnaires().add_response(o->round.id, day, stored);
  tx->commit();
  return done();
}

}  // namespace stegvis::app
