// What differs between the backends at run time: how a transaction starts,
// how appends to the audit chain are serialised, and how a script runs.
#pragma once
#include <soci/soci.h>

#include <string>

namespace stegvis::store::sql {

struct Dialect {
  std::string backend;      // "sqlite" or "postgresql"
  std::string begin_read;   // SQL that opens a read transaction
  std::string begin_write;  // SQL that opens a write transaction
  std::string audit_lock;   // SQL that serialises audit appends ("" = the write lock already does)
  // Runs a multi-statement script on the connection's native handle.
  void (*exec_script)(soci::session& s, const std::string& script);
};

const Dialect& sqlite_dialect();
const Dialect& postgresql_dialect();

}  // namespace stegvis::store::sql
