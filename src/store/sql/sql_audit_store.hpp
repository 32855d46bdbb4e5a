// SQL for the append-only, hash-chained audit log.
#pragma once
#include <soci/soci.h>

#include "store/sql/dialect.hpp"
#include "store/store.hpp"

namespace stegvis::store::sql {

class SqlAuditStore final : public AuditStore {
 public:
  SqlAuditStore(soci::session& s, const Dialect& d) : sql_(s), dialect_(d) {}
  std::string lock_and_last_hash() override;
  Id append(const AuditEntry& e) override;
  std::vector<AuditEntry> search(const AuditFilter& f, int* total) override;
  void scan(const std::function<bool(const AuditEntry&)>& visit) override;

 private:
  soci::session& sql_;
  const Dialect& dialect_;
};

}  // namespace stegvis::store::sql
