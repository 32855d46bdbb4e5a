// Group commit of the audit log: every read of a participant's data writes an
// audit entry that must be stored before the answer is sent. One transaction
// (and one commit, one fsync) per entry made every reader wait in line for the
// database's single writer; here the readers that arrive while a batch is being
// committed queue their entries, and the next one in line commits them all in
// one transaction, chained in queue order. Each caller still returns only once
// its own entry is committed, and gets the error when the commit failed.
#pragma once
#include <condition_variable>
#include <exception>
#include <mutex>
#include <vector>

#include "store/store.hpp"

namespace stegvis::app {

class AuditBatch {
 public:
  // Fills e.prev_hash and e.hash, stores e, and returns when it is committed (throws when not).
  void append(store::Database& db, store::AuditEntry e);

 private:
  struct Pending {
    store::AuditEntry entry;
    bool done = false;
    std::exception_ptr error;
  };
  void commit(store::Database& db, const std::vector<Pending*>& batch);

  std::mutex mutex_;
  std::condition_variable committed_;
  std::vector<Pending*> queue_;
  bool committing_ = false;
};

}  // namespace stegvis::app
