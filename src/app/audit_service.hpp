// Searching the audit log (administrators only); the search itself is audited.
#pragma once
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/result.hpp"
#include "store/records.hpp"

namespace stegvis::app {

struct AuditPage {
  std::vector<store::AuditEntry> items;
  int total = 0;
};

class AuditService {
 public:
  explicit AuditService(Env& env) : env_(env) {}
  Result<AuditPage> search(const Actor& actor, store::AuditFilter filter);

 private:
  Env& env_;
};

}  // namespace stegvis::app
