#include "store/sql/sql_store.hpp"

#include <chrono>
#include <stdexcept>

namespace stegvis::store::sql {
namespace {
// As long as SQLite's busy_timeout: a writer that waits longer gives up the same way.
std::unique_lock<std::timed_mutex> take(std::timed_mutex* m) {
  if (!m) return {};
  std::unique_lock<std::timed_mutex> lock(*m, std::defer_lock);
  if (!lock.try_lock_for(std::chrono::seconds(10))) throw std::runtime_error("SQLite: database is locked");
  return lock;
}
}  // namespace

SqlStore::SqlStore(soci::connection_pool& pool, const Dialect& dialect, bool write,
                   std::shared_ptr<const crypto::FieldCipher> cipher, std::timed_mutex* writer_lock)
    : writer_(take(write ? writer_lock : nullptr)),
      session_(pool),
      dialect_(dialect),
      organisation_(session_),
      staff_(session_),
      sessions_(session_),
      audit_(session_, dialect),
      participants_(session_, cipher),
      evaluation_(session_, std::move(cipher)),
      reports_(session_),
      financing_(session_),
      governance_(session_),
      money_(session_, dialect.backend == "postgresql"),
      questionnaires_(session_),
      catalogue_(session_, dialect.backend == "postgresql"),
      lasting_effects_(session_) {
  dialect_.exec_script(session_, write ? dialect_.begin_write : dialect_.begin_read);
  open_ = true;
}

SqlStore::~SqlStore() {
  if (!open_) return;
  try {
    dialect_.exec_script(session_, "ROLLBACK");
  } catch (...) {
    // The connection is broken; the server rolls back on its own.
  }
}

void SqlStore::commit() {
  dialect_.exec_script(session_, "COMMIT");
  open_ = false;
  if (writer_.owns_lock()) writer_.unlock();
}

}  // namespace stegvis::store::sql
