#include "app/audit_batch.hpp"

#include "app/audit.hpp"

namespace stegvis::app {

std::shared_ptr<AuditBatch> make_audit_batch() { return std::make_shared<AuditBatch>(); }

void AuditBatch::append(store::Database& db, store::AuditEntry e) {
  Pending mine{std::move(e), false, {}};
  std::unique_lock<std::mutex> lock(mutex_);
  queue_.push_back(&mine);
  while (!mine.done) {
    if (committing_) {
      committed_.wait(lock);
      continue;
    }
    // Nobody is committing: this caller commits everything queued so far, its own entry included.
    committing_ = true;
    std::vector<Pending*> batch;
    batch.swap(queue_);
    lock.unlock();
    std::exception_ptr error;
    try {
      commit(db, batch);
    } catch (...) {
      error = std::current_exception();
    }
    lock.lock();
    for (Pending* p : batch) {
      p->done = true;
      p->error = error;
    }
    committing_ = false;
    committed_.notify_all();
  }
  if (mine.error) std::rethrow_exception(mine.error);
}

void AuditBatch::commit(store::Database& db, const std::vector<Pending*>& batch) {
  auto tx = db.begin(true);
  std::string prev = tx->audit().lock_and_last_hash();
  for (Pending* p : batch) {
    p->entry.prev_hash = prev;
    p->entry.hash = chain_hash(p->entry);
    tx->audit().append(p->entry);
    prev = p->entry.hash;
  }
  tx->commit();
}

}  // namespace stegvis::app
