// SQL for web sessions, failed-login counters and API tokens. Sessions live in
// the database so that several server processes can share them.
#pragma once
#include <soci/soci.h>

#include "store/store.hpp"

namespace stegvis::store::sql {

class SqlSessionStore final : public SessionStore {
 public:
  explicit SqlSessionStore(soci::session& s) : sql_(s) {}
  void create(const SessionRow& s) override;
  std::optional<SessionRow> find(const std::string& id_hash) override;
  void touch(const std::string& id_hash, std::int64_t now) override;
  void remove(const std::string& id_hash) override;
  void remove_for_user(Id user_id) override;
  void remove_idle(std::int64_t last_seen_before) override;
  void record_failure(const std::string& key, std::int64_t at) override;
  int failures_since(const std::string& key, std::int64_t since) override;
  void clear_failures(const std::string& key) override;
  Id create_token(Id user_id, const std::string& name, const std::string& token_hash, std::int64_t now) override;
  std::optional<ApiTokenRow> token_by_hash(const std::string& token_hash) override;
  std::optional<ApiTokenRow> token(Id id) override;
  std::vector<ApiTokenRow> tokens() override;
  void revoke_token(Id id, std::int64_t now) override;

 private:
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
