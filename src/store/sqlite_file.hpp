// Whole-file operations on a SQLite database, outside the SOCI pool: online
// backup (sqlite3_backup_*), integrity check, schema version and the lock that
// tells a restore that a server has the file open.
#pragma once
#include <functional>
#include <string>

namespace stegvis::store {

// The file of a "sqlite:PATH" URL, or "" for any other URL.
std::string sqlite_path(const std::string& url);

// "ok", or the first problems PRAGMA integrity_check reports. Throws when the file cannot be opened.
std::string sqlite_integrity_check(const std::string& path);
// The highest applied migration (0 when the file has no schema_version table). Throws when unreadable.
int sqlite_schema_version(const std::string& path);
// The highest SQLite migration this binary knows.
int known_sqlite_schema_version();

struct BackupStats {
  int pages = 0;
  int steps = 0;
  int restarts = 0;  // a writer changed the source between steps and the copy began again
};
// Copies the live database at `from` into a new file `to` while other processes
// keep writing. Each step copies `pages_per_step` pages under a short read lock;
// after a few restarts caused by writers the rest is copied in one step, which
// in WAL mode still does not block writers (it reads one snapshot). Throws on failure.
BackupStats sqlite_backup(const std::string& from, const std::string& to, int pages_per_step = 256,
                          const std::function<void(int remaining, int total)>& progress = {});

// A shared advisory lock (flock) on the database file, held by `stegvis serve`
// for its lifetime. A restore takes it exclusively, so neither can start while
// the other runs. Holds the lock until destroyed.
class FileLock {
 public:
  // Returns false (and holds nothing) when the lock is taken in a conflicting mode.
  bool try_lock(const std::string& path, bool exclusive);
  ~FileLock();
  FileLock() = default;
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_ = -1;
};

}  // namespace stegvis::store
