// Logging in and out, sessions (server-side, in the database), failed-login
// throttling per account and per address, and API bearer tokens.
#pragma once
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"
#include "store/records.hpp"

namespace stegvis::app {

struct LoginResult {
  std::string session_token;  // the cookie value; only its hash is stored
  std::string csrf_token;
  Actor actor;
};

struct Authenticated {
  Actor actor;
  std::string csrf_token;  // empty for bearer tokens (no cookie, no CSRF)
};

struct NewToken {
  Id id = 0;
  std::string token;  // shown once
};

class AuthService {
 public:
  explicit AuthService(Env& env) : env_(env) {}

  Result<LoginResult> login(const std::string& username, const std::string& password, const std::string& address);
  // The session's actor, or unauthenticated when unknown or idle too long.
  Result<Authenticated> session(const std::string& session_token, const std::string& address);
  Result<Authenticated> bearer(const std::string& token, const std::string& address);
  void logout(const std::string& session_token, const Actor& actor);

  Result<NewToken> create_token(const Actor& actor, const std::string& username, const std::string& name);
  Status revoke_token(const Actor& actor, Id token_id);
  Result<std::vector<store::ApiTokenRow>> tokens(const Actor& actor);

 private:
  Result<Actor> actor_for(store::Store& tx, Id user_id, const std::string& address);
  Env& env_;
};

}  // namespace stegvis::app
