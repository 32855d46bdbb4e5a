// stegvis purge: retention (gallring) once, now, as the operator. `serve` runs
// the same use case daily (retention_job in commands.cpp).
#include <iostream>

#include "app/retention_service.hpp"
#include "app/services.hpp"
#include "cli/commands.hpp"
#include "crypto/crypto.hpp"
#include "store/store.hpp"

namespace stegvis::cli {

PurgeOutcome purge_now(const Config& c, bool dry_run) {
  crypto::init();
  auto db = store::open_database(c.db, 1);
  db->migrate();
  app::Env env{*db, app::system_now, app::Settings{}};
  auto r = app::RetentionService(env).purge(app::system_actor("gallring"), c.retention_years, dry_run);
  if (!r) return {false, r.error().message};
  return {true,
          app::describe(r->counts) + " — enrolments exited before " + r->cutoff + " (retention " +
              std::to_string(c.retention_years) + " years)"};
}

int run_purge(const Config& c, const PurgeOptions& o) {
  auto r = purge_now(c, o.dry_run);
  if (!r.ok) {
    std::cerr << "stegvis purge: " << r.message << "\n";
    return 1;
  }
  std::cout << (o.dry_run ? "would purge (dry run, nothing changed): " : "purged: ") << r.message << "\n";
  return 0;
}

}  // namespace stegvis::cli
