// The audit log: who did what to which record, when, from where. Entries are
// chained by hash (each carries the previous entry's hash) so that any edit,
// deletion or insertion after the fact is detectable by verify_audit_chain().
#pragma once
#include <optional>
#include <string>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "store/store.hpp"

namespace stegvis::app {

// Appends inside the caller's transaction: the entry commits with the change it describes.
void record(store::Store& tx, std::int64_t now, const Actor& actor, const std::string& action,
            const std::string& record_type, const std::string& record_id, const std::string& detail = {});
// Appends outside any use-case transaction (reads, denials: nothing else is stored), committed
// before it returns; concurrent callers share one commit (app/audit_batch.hpp).
void record_standalone(Env& env, const Actor& actor, const std::string& action, const std::string& record_type,
                       const std::string& record_id, const std::string& detail = {});

std::string chain_hash(const store::AuditEntry& e);

struct ChainCheck {
  std::int64_t entries = 0;
  bool ok = true;
  std::optional<Id> first_bad_id;
  std::string problem;
};
ChainCheck verify_audit_chain(store::Database& db);

}  // namespace stegvis::app
