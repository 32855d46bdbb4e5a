#include "app/auth_service.hpp"

#include <algorithm>

#include "app/access.hpp"
#include "app/audit.hpp"
#include "crypto/crypto.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {
namespace {

Error unauthenticated(std::string message) { return {ErrorCode::unauthenticated, std::move(message), {}}; }

// A hash to compare against when the account does not exist, so that the time
// a failed login takes does not tell whether the username is real.
const std::string& dummy_hash() {
  static const std::string h = crypto::hash_password("no such account, constant time");
  return h;
}

}  // namespace

Result<LoginResult> AuthService::login(const std::string& username, const std::string& password,
                                       const std::string& address) {
  // No control characters: PostgreSQL would cut the text at a NUL byte ("admin\0x" finding admin).
  if (username.empty() || username.size() > 100 || !is_valid_utf8(username) ||
      std::any_of(username.begin(), username.end(), [](unsigned char c) { return c < 0x20; }))
    return invalid("username", "Ange ditt användarnamn.");
  if (password.empty() || password.size() > 200) return invalid("password", "Ange ditt lösenord.");

  const auto now = env_.now();
  const auto since = now - env_.settings.throttle_window_minutes * 60;
  const std::string user_key = "user:" + username, addr_key = "addr:" + address;
  Actor anonymous;
  anonymous.username = username;
  anonymous.address = address;
  {
    auto tx = env_.db.begin(false);
    if (tx->sessions().failures_since(user_key, since) >= env_.settings.max_failures_per_account ||
        tx->sessions().failures_since(addr_key, since) >= env_.settings.max_failures_per_address) {
      tx.reset();
      record_standalone(env_, anonymous, "login.throttled", "user", username);
      return Error{ErrorCode::too_many_requests,
                   "För många misslyckade inloggningar. Vänta en stund och försök igen.", {}};
    }
  }

  std::optional<store::Credentials> cred;
  {
    auto tx = env_.db.begin(false);
    cred = tx->staff().credentials(username);
  }
  bool ok = cred && !cred->disabled && crypto::verify_password(cred->password_hash, password);
  if (!cred) crypto::verify_password(dummy_hash(), password);
  if (!ok) {
    auto tx = env_.db.begin(true);
    tx->sessions().record_failure(user_key, now);
    tx->sessions().record_failure(addr_key, now);
    record(*tx, now, anonymous, "login.failed", "user", username, cred && cred->disabled ? "disabled" : "");
    tx->commit();
    return unauthenticated("Fel användarnamn eller lösenord.");
  }

  auto tx = env_.db.begin(true);
  auto actor = actor_for(*tx, cred->user_id, address);
  if (!actor) return actor.error();
  // Always a new session id at login: a planted cookie never becomes a logged-in one.
  LoginResult result{crypto::random_token(), crypto::random_token(), *actor};
  tx->sessions().create({crypto::hash_hex(result.session_token), cred->user_id, result.csrf_token, now, now});
  tx->sessions().clear_failures(user_key);
  tx->sessions().remove_idle(now - env_.settings.idle_timeout_minutes * 60);
  if (crypto::password_needs_rehash(cred->password_hash))
    tx->staff().set_password(cred->user_id, crypto::hash_password(password));
  record(*tx, now, *actor, "login", "user", std::to_string(cred->user_id));
  tx->commit();
  return result;
}

Result<Actor> AuthService::actor_for(store::Store& tx, Id user_id, const std::string& address) {
  auto staff = tx.staff().get(user_id);
  if (!staff || staff->disabled) return unauthenticated("Kontot är avstängt.");
  return Actor{staff->id, staff->username, staff->name, staff->roles, address};
}

Result<Authenticated> AuthService::session(const std::string& session_token, const std::string& address) {
  if (session_token.size() != 64) return unauthenticated("Du är inte inloggad.");
  const auto now = env_.now();
  const std::string id_hash = crypto::hash_hex(session_token);
  auto tx = env_.db.begin(false);
  auto s = tx->sessions().find(id_hash);
  if (!s) return unauthenticated("Du är inte inloggad.");
  if (s->last_seen_at + env_.settings.idle_timeout_minutes * 60 < now)
    return unauthenticated("Sessionen har gått ut. Logga in igen.");
  auto actor = actor_for(*tx, s->user_id, address);
  if (!actor) return actor.error();
  tx.reset();
  // Touch at most once a minute: a write per request would serialise all readers on SQLite.
  if (now - s->last_seen_at >= 60) {
    auto w = env_.db.begin(true);
    w->sessions().touch(id_hash, now);
    w->commit();
  }
  return Authenticated{*actor, s->csrf_token};
}

Result<Authenticated> AuthService::bearer(const std::string& token, const std::string& address) {
  if (token.size() != 64) return unauthenticated("Ogiltig API-nyckel.");
  auto tx = env_.db.begin(false);
  auto row = tx->sessions().token_by_hash(crypto::hash_hex(token));
  if (!row || row->revoked_at) return unauthenticated("Ogiltig eller återkallad API-nyckel.");
  auto actor = actor_for(*tx, row->user_id, address);
  if (!actor) return actor.error();
  return Authenticated{*actor, ""};
}

void AuthService::logout(const std::string& session_token, const Actor& actor) {
  auto tx = env_.db.begin(true);
  tx->sessions().remove(crypto::hash_hex(session_token));
  record(*tx, env_.now(), actor, "logout", "user", std::to_string(actor.user_id));
  tx->commit();
}

Result<NewToken> AuthService::create_token(const Actor& actor, const std::string& username, const std::string& name) {
  if (auto s = authorize(env_, actor, Permission::manage_tokens); !s) return s.error();
  if (auto e = check_text("name", name, 100)) return *e;
  auto tx = env_.db.begin(true);
  auto user = tx->staff().by_username(username);
  if (!user) return invalid("username", "Det finns ingen användare med det användarnamnet.");
  if (user->disabled) return invalid("username", "Kontot är avstängt.");
  NewToken t{0, crypto::random_token()};
  t.id = tx->sessions().create_token(user->id, name, crypto::hash_hex(t.token), env_.now());
  record(*tx, env_.now(), actor, "token.create", "api_token", std::to_string(t.id), "for " + username);
  tx->commit();
  return t;
}

Status AuthService::revoke_token(const Actor& actor, Id token_id) {
  if (auto s = authorize(env_, actor, Permission::manage_tokens); !s) return s;
  auto tx = env_.db.begin(true);
  auto row = tx->sessions().token(token_id);
  if (!row) return not_found("API-nyckeln finns inte.");
  if (row->revoked_at) return conflict("API-nyckeln är redan återkallad.");
  tx->sessions().revoke_token(token_id, env_.now());
  record(*tx, env_.now(), actor, "token.revoke", "api_token", std::to_string(token_id));
  tx->commit();
  return done();
}

Result<std::vector<store::ApiTokenRow>> AuthService::tokens(const Actor& actor) {
  if (auto s = authorize(env_, actor, Permission::manage_tokens); !s) return s.error();
  auto tx = env_.db.begin(false);
  return tx->sessions().tokens();
}

}  // namespace stegvis::app
