// What every use case needs from outside: the database, the clock and the
// settings. Passed in, so that tests control time and configuration.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

#include "store/store.hpp"

namespace stegvis::app {

class AuditBatch;
std::shared_ptr<AuditBatch> make_audit_batch();

struct Settings {
  int idle_timeout_minutes = 30;
  int throttle_window_minutes = 15;
  int max_failures_per_account = 5;
  int max_failures_per_address = 20;
  int retention_years = 5;  // gallring of enrolments exited longer ago
  bool public_catalogue = false;  // the programme catalogue readable without login (issue #9)
  std::vector<int> lasting_effect_months{6, 12};  // lasting-effect checks after exit (issue #9)
};

struct Env {
  store::Database& db;
  std::function<std::int64_t()> now;  // unix seconds
  Settings settings;
  // Audit entries written outside a use case's own transaction share commits (app/audit_batch.hpp).
  std::shared_ptr<AuditBatch> audit_batch = make_audit_batch();
};

std::int64_t system_now();

}  // namespace stegvis::app
