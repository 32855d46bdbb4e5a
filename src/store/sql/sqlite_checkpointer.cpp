#include "store/sql/sqlite_checkpointer.hpp"

#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>
#include <spdlog/spdlog.h>

#include <chrono>

namespace stegvis::store::sql {
namespace {
// Often enough that the WAL stays a few MB under a full write load.
constexpr auto kInterval = std::chrono::milliseconds(250);
constexpr int kMaxFrames = 20000;  // about 80 MB of WAL
}  // namespace

WalCheckpointer::WalCheckpointer(std::string connect) : connect_(std::move(connect)), thread_([this] { run(); }) {}

WalCheckpointer::~WalCheckpointer() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  thread_.join();
}

void WalCheckpointer::run() {
  try {
    soci::session s(soci::sqlite3, connect_);
    s << "PRAGMA busy_timeout=100";
    std::unique_lock<std::mutex> lock(mutex_);
    while (!wake_.wait_for(lock, kInterval, [this] { return stop_; })) {
      lock.unlock();
      try {
        int busy = 0, frames = 0, copied = 0;
        s << "PRAGMA wal_checkpoint(PASSIVE)", soci::into(busy), soci::into(frames), soci::into(copied);
        // The WAL starts over only when a writer finds it wholly copied back and no reader in it,
        // which a steady load may never leave room for. Past the limit, TRUNCATE waits for the
        // readers, holding off writers meanwhile: at most the busy timeout (100 ms), else next time.
        if (frames > kMaxFrames)
          s << "PRAGMA wal_checkpoint(TRUNCATE)", soci::into(busy), soci::into(frames), soci::into(copied);
      } catch (const std::exception& e) {
        spdlog::warn("WAL checkpoint failed: {}", e.what());
      }
      lock.lock();
    }
  } catch (const std::exception& e) {
    // Without it the WAL grows until the last connection closes; nothing is lost.
    spdlog::error("WAL checkpointer stopped: {}", e.what());
  }
}

}  // namespace stegvis::store::sql
