#include "store/sql/sql_session_store.hpp"

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {
constexpr const char* kTokenCols =
    "SELECT t.id, t.user_id, u.username, t.name, t.created_at, t.revoked_at FROM api_token t "
    "JOIN app_user u ON u.id = t.user_id ";

// Runs q, a SELECT of kTokenCols with its use()s bound. Every API request asks for its
// token: fixed variables, not a soci::row (see TypedRow).
std::vector<ApiTokenRow> load_tokens(soci::details::prepare_temp_type& q) {
  TypedRow r("iissii");
  std::vector<ApiTokenRow> out;
  r.each_row(q, [&] {
    out.push_back({r.integer(0), r.integer(1), r.text(2), r.text(3), r.integer(4), r.opt_integer(5)});
  });
  return out;
}

std::optional<ApiTokenRow> first(std::vector<ApiTokenRow> rows) {
  if (rows.empty()) return std::nullopt;
  return std::move(rows.front());
}
}  // namespace

void SqlSessionStore::create(const SessionRow& s) {
  long long user = s.user_id, created = s.created_at, seen = s.last_seen_at;
  sql_ << "INSERT INTO web_session (id_hash, user_id, csrf_token, created_at, last_seen_at) "
          "VALUES (:h, :u, :c, :cr, :s)",
      soci::use(s.id_hash), soci::use(user), soci::use(s.csrf_token), soci::use(created), soci::use(seen);
}

std::optional<SessionRow> SqlSessionStore::find(const std::string& id_hash) {
  soci::rowset<soci::row> rs =
      (sql_.prepare << "SELECT id_hash, user_id, csrf_token, created_at, last_seen_at FROM web_session "
                       "WHERE id_hash = :h",
       soci::use(id_hash));
  for (const auto& r : rs) return SessionRow{col_str(r, 0), col_int(r, 1), col_str(r, 2), col_int(r, 3), col_int(r, 4)};
  return std::nullopt;
}

void SqlSessionStore::touch(const std::string& id_hash, std::int64_t now) {
  long long n = now;
  sql_ << "UPDATE web_session SET last_seen_at = :n WHERE id_hash = :h", soci::use(n), soci::use(id_hash);
}

void SqlSessionStore::remove(const std::string& id_hash) {
  sql_ << "DELETE FROM web_session WHERE id_hash = :h", soci::use(id_hash);
}

void SqlSessionStore::remove_for_user(Id user_id) {
  long long u = user_id;
  sql_ << "DELETE FROM web_session WHERE user_id = :u", soci::use(u);
}

void SqlSessionStore::remove_idle(std::int64_t last_seen_before) {
  long long t = last_seen_before;
  sql_ << "DELETE FROM web_session WHERE last_seen_at < :t", soci::use(t);
}

void SqlSessionStore::record_failure(const std::string& key, std::int64_t at) {
  long long a = at;
  sql_ << "INSERT INTO login_failure (throttle_key, at) VALUES (:k, :a)", soci::use(key), soci::use(a);
}

int SqlSessionStore::failures_since(const std::string& key, std::int64_t since) {
  long long s = since, n = 0;
  sql_ << "SELECT COUNT(*) FROM login_failure WHERE throttle_key = :k AND at >= :s", soci::use(key), soci::use(s),
      soci::into(n);
  return static_cast<int>(n);
}

void SqlSessionStore::clear_failures(const std::string& key) {
  sql_ << "DELETE FROM login_failure WHERE throttle_key = :k", soci::use(key);
}

Id SqlSessionStore::create_token(Id user_id, const std::string& name, const std::string& token_hash,
                                 std::int64_t now) {
  long long u = user_id, n = now, id = 0;
  sql_ << "INSERT INTO api_token (user_id, name, token_hash, created_at) VALUES (:u, :n, :h, :c) RETURNING id",
      soci::use(u), soci::use(name), soci::use(token_hash), soci::use(n), soci::into(id);
  return id;
}

std::optional<ApiTokenRow> SqlSessionStore::token_by_hash(const std::string& token_hash) {
  soci::details::prepare_temp_type q =
      (sql_.prepare << std::string(kTokenCols) + "WHERE t.token_hash = :h", soci::use(token_hash));
  return first(load_tokens(q));
}

std::optional<ApiTokenRow> SqlSessionStore::token(Id id) {
  long long lid = id;
  soci::details::prepare_temp_type q = (sql_.prepare << std::string(kTokenCols) + "WHERE t.id = :id", soci::use(lid));
  return first(load_tokens(q));
}

std::vector<ApiTokenRow> SqlSessionStore::tokens() {
  soci::details::prepare_temp_type q = (sql_.prepare << std::string(kTokenCols) + "ORDER BY t.id");
  return load_tokens(q);
}

void SqlSessionStore::revoke_token(Id id, std::int64_t now) {
  long long lid = id, n = now;
  sql_ << "UPDATE api_token SET revoked_at = :n WHERE id = :id AND revoked_at IS NULL", soci::use(n), soci::use(lid);
}

}  // namespace stegvis::store::sql
