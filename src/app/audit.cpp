#include "app/audit.hpp"

#include "app/audit_batch.hpp"

#include "crypto/crypto.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {
namespace {
// Length-prefixed fields: no choice of text can make two entries hash alike.
void add(std::string& out, const std::string& field) {
  out += std::to_string(field.size());
  out += ':';
  out += field;
}
// What is stored must be what was hashed: PostgreSQL cuts text at a NUL byte and refuses
// invalid UTF-8 (a request path can hold both), so such bytes become '?' first.
std::string storable(std::string s) {
  if (!is_valid_utf8(s))
    for (auto& c : s)
      if (static_cast<unsigned char>(c) >= 0x80) c = '?';
  for (auto& c : s)
    if (c == '\0') c = '?';
  return s;
}
}  // namespace

std::string chain_hash(const store::AuditEntry& e) {
  std::string buf;
  add(buf, e.prev_hash);
  add(buf, std::to_string(e.at));
  add(buf, e.user_id ? std::to_string(*e.user_id) : "");
  add(buf, e.username);
  add(buf, e.action);
  add(buf, e.record_type);
  add(buf, e.record_id);
  add(buf, e.address);
  add(buf, e.detail);
  return crypto::hash_hex(buf);
}

namespace {
store::AuditEntry make_entry(std::int64_t now, const Actor& actor, const std::string& action,
                             const std::string& record_type, const std::string& record_id, const std::string& detail) {
  store::AuditEntry e;
  e.at = now;
  if (actor.user_id != 0) e.user_id = actor.user_id;
  e.username = storable(actor.username);
  e.action = storable(action);
  e.record_type = storable(record_type);
  e.record_id = storable(record_id);
  e.address = storable(actor.address);
  e.detail = storable(detail);
  return e;
}
}  // namespace

void record(store::Store& tx, std::int64_t now, const Actor& actor, const std::string& action,
            const std::string& record_type, const std::string& record_id, const std::string& detail) {
  auto e = make_entry(now, actor, action, record_type, record_id, detail);
  e.prev_hash = tx.audit().lock_and_last_hash();
  e.hash = chain_hash(e);
  tx.audit().append(e);
}

void record_standalone(Env& env, const Actor& actor, const std::string& action, const std::string& record_type,
                       const std::string& record_id, const std::string& detail) {
  // Committed (with whatever else was queued beside it) before this returns.
  env.audit_batch->append(env.db, make_entry(env.now(), actor, action, record_type, record_id, detail));
}

ChainCheck verify_audit_chain(store::Database& db) {
  ChainCheck check;
  auto tx = db.begin(false);
  std::string prev(64, '0');
  tx->audit().scan([&](const store::AuditEntry& e) {
    ++check.entries;
    if (e.prev_hash != prev) {
      check = {check.entries, false, e.id, "the entry does not point at the one before it (removed or inserted)"};
      return false;
    }
    if (chain_hash(e) != e.hash) {
      check = {check.entries, false, e.id, "the entry's content does not match its hash (edited)"};
      return false;
    }
    prev = e.hash;
    return true;
  });
  return check;
}

}  // namespace stegvis::app
