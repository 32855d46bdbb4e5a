#include "store/sql/sql_store.hpp"

namespace stegvis::store::sql {

SqlStore::SqlStore(soci::connection_pool& pool, const Dialect& dialect, bool write,
                   std::shared_ptr<const crypto::FieldCipher> cipher)
    : session_(pool),
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
      money_(session_, dialect.backend == "postgresql") {
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
}

}  // namespace stegvis::store::sql
