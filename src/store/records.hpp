// Rows the stores hand to the application layer that are not domain entities:
// credentials, sessions, API tokens, audit entries.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "domain/organisation.hpp"

namespace stegvis::store {

struct Credentials {
  Id user_id = 0;
  std::string username;
  std::string password_hash;
  bool disabled = false;
};

struct SessionRow {
  std::string id_hash;  // BLAKE2b of the cookie value: a leaked table gives no sessions
  Id user_id = 0;
  std::string csrf_token;
  std::int64_t created_at = 0;  // unix seconds
  std::int64_t last_seen_at = 0;
};

struct ApiTokenRow {
  Id id = 0;
  Id user_id = 0;
  std::string username;
  std::string name;
  std::int64_t created_at = 0;
  std::optional<std::int64_t> revoked_at;
};

struct AuditEntry {
  Id id = 0;
  std::int64_t at = 0;  // unix seconds
  std::optional<Id> user_id;
  std::string username;     // as it was at the time
  std::string action;       // e.g. "staff.create", "access.denied"
  std::string record_type;  // e.g. "staff", "programme"
  std::string record_id;
  std::string address;      // the client's IP address
  std::string detail;       // short, never personal data of participants
  std::string prev_hash;
  std::string hash;
};

struct AuditFilter {
  std::string username;
  std::string record_type;
  std::string record_id;
  std::string action;
  std::optional<std::int64_t> from;  // inclusive, unix seconds
  std::optional<std::int64_t> to;    // exclusive
  int limit = 100;
  int offset = 0;
};

}  // namespace stegvis::store
