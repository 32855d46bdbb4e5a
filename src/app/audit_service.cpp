#include "app/audit_service.hpp"

#include "app/access.hpp"
#include "app/audit.hpp"
#include "domain/validation.hpp"

namespace stegvis::app {

Result<AuditPage> AuditService::search(const Actor& actor, store::AuditFilter f) {
  if (auto s = authorize(env_, actor, Permission::view_audit); !s) return s.error();
  for (const auto* field : {&f.username, &f.record_type, &f.record_id, &f.action})
    if (auto e = check_text("filter", *field, 100, false)) return *e;
  // Refused, not clamped: a caller paging with limit=1000 must not silently miss entries.
  if (f.limit < 1 || f.limit > 500) return invalid("limit", "Parametern limit ska vara ett heltal 1–500.");
  if (f.offset < 0) return invalid("offset", "Parametern offset ska vara ett heltal från 0.");
  if (f.from && f.to && *f.to <= *f.from) return invalid("to", "Slutdatum ska ligga efter startdatum.");
  AuditPage page;
  {
    auto tx = env_.db.begin(false);
    page.items = tx->audit().search(f, &page.total);
  }
  record_standalone(env_, actor, "audit.search", "audit_log", "",
                    f.username.empty() ? f.record_type + " " + f.record_id : "user " + f.username);
  return page;
}

}  // namespace stegvis::app
