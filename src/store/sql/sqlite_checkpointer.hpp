// SQLite's automatic WAL checkpoint runs inside the commit that crosses 1000
// pages, with the writer lock held: every few dozen audit commits one request
// copied 4 MB into the database file and synced while every other request
// waited for its audit entry. The server's connections turn that off
// (wal_autocheckpoint=0) and this thread checkpoints in the background with
// its own connection instead. PASSIVE never blocks a reader or the writer.
#pragma once
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

namespace stegvis::store::sql {

class WalCheckpointer {
 public:
  // connect: SOCI's SQLite connect string of the database the pool uses.
  explicit WalCheckpointer(std::string connect);
  ~WalCheckpointer();
  WalCheckpointer(const WalCheckpointer&) = delete;
  WalCheckpointer& operator=(const WalCheckpointer&) = delete;

 private:
  void run();

  std::string connect_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false;
  std::thread thread_;
};

}  // namespace stegvis::store::sql
