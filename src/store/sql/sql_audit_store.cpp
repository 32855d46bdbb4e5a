#include "store/sql/sql_audit_store.hpp"

#include "store/sql/sql_util.hpp"

namespace stegvis::store::sql {
namespace {
constexpr const char* kCols =
    "SELECT id, at, user_id, username, action, record_type, record_id, address, detail, prev_hash, hash "
    "FROM audit_log ";

AuditEntry entry(const soci::row& r) {
  return {col_int(r, 0), col_int(r, 1),  col_opt_int(r, 2), col_str(r, 3), col_str(r, 4), col_str(r, 5),
          col_str(r, 6), col_str(r, 7), col_str(r, 8),     col_str(r, 9), col_str(r, 10)};
}

// The filter is a fixed WHERE with every condition optional, so the SQL text never depends on user input.
constexpr const char* kWhere =
    "WHERE (:u1 = '' OR username = :u2) AND (:t1 = '' OR record_type = :t2) AND (:r1 = '' OR record_id = :r2) "
    "AND (:a1 = '' OR action = :a2) AND at >= :from AND at < :to ";
}  // namespace

std::string SqlAuditStore::lock_and_last_hash() {
  if (!dialect_.audit_lock.empty()) dialect_.exec_script(sql_, dialect_.audit_lock);
  std::string hash;
  soci::indicator ind = soci::i_ok;
  sql_ << "SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1", soci::into(hash, ind);
  if (!sql_.got_data() || ind == soci::i_null) return std::string(64, '0');
  return hash;
}

Id SqlAuditStore::append(const AuditEntry& e) {
  NullableId user(e.user_id);
  long long at = e.at, id = 0;
  sql_ << "INSERT INTO audit_log (at, user_id, username, action, record_type, record_id, address, detail, "
          "prev_hash, hash) VALUES (:at, :u, :un, :a, :rt, :ri, :ad, :d, :p, :h) RETURNING id",
      soci::use(at), soci::use(user.value, user.ind), soci::use(e.username), soci::use(e.action),
      soci::use(e.record_type), soci::use(e.record_id), soci::use(e.address), soci::use(e.detail),
      soci::use(e.prev_hash), soci::use(e.hash), soci::into(id);
  return id;
}

std::vector<AuditEntry> SqlAuditStore::search(const AuditFilter& f, int* total) {
  long long from = f.from.value_or(0), to = f.to.value_or(INT64_MAX / 2);
  long long limit = f.limit, offset = f.offset;
  if (total) {
    long long n = 0;
    sql_ << std::string("SELECT COUNT(*) FROM audit_log ") + kWhere, soci::use(f.username), soci::use(f.username),
        soci::use(f.record_type), soci::use(f.record_type), soci::use(f.record_id), soci::use(f.record_id),
        soci::use(f.action), soci::use(f.action), soci::use(from), soci::use(to), soci::into(n);
    *total = static_cast<int>(n);
  }
  std::vector<AuditEntry> out;
  soci::rowset<soci::row> rs =
      (sql_.prepare << std::string(kCols) + kWhere + "ORDER BY id DESC LIMIT :l OFFSET :o", soci::use(f.username),
       soci::use(f.username), soci::use(f.record_type), soci::use(f.record_type), soci::use(f.record_id),
       soci::use(f.record_id), soci::use(f.action), soci::use(f.action), soci::use(from), soci::use(to),
       soci::use(limit), soci::use(offset));
  for (const auto& r : rs) out.push_back(entry(r));
  return out;
}

void SqlAuditStore::scan(const std::function<bool(const AuditEntry&)>& visit) {
  // Pages by id so that a long log never sits in memory at once.
  long long after = 0;
  for (;;) {
    std::vector<AuditEntry> page;
    soci::rowset<soci::row> rs =
        (sql_.prepare << std::string(kCols) + "WHERE id > :a ORDER BY id LIMIT 1000", soci::use(after));
    for (const auto& r : rs) page.push_back(entry(r));
    if (page.empty()) return;
    for (const auto& e : page)
      if (!visit(e)) return;
    after = page.back().id;
  }
}

}  // namespace stegvis::store::sql
