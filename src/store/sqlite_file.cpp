#include "store/sqlite_file.hpp"

#include <fcntl.h>
#include <sqlite3.h>
#include <sys/file.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <memory>
#include <stdexcept>
#include <thread>

#include "store/migration.hpp"

namespace stegvis::store {
namespace {

struct Closer {
  void operator()(sqlite3* db) const { sqlite3_close_v2(db); }
};
using Handle = std::unique_ptr<sqlite3, Closer>;

Handle open_file(const std::string& path, int flags) {
  sqlite3* raw = nullptr;
  int rc = sqlite3_open_v2(path.c_str(), &raw, flags, nullptr);
  Handle db(raw);
  if (rc != SQLITE_OK)
    throw std::runtime_error("cannot open " + path + ": " + (raw ? sqlite3_errmsg(raw) : sqlite3_errstr(rc)));
  sqlite3_busy_timeout(raw, 10000);
  return db;
}

// Runs a query and returns the first column of each row.
std::vector<std::string> column(sqlite3* db, const std::string& sql) {
  sqlite3_stmt* st = nullptr;
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) != SQLITE_OK)
    throw std::runtime_error(std::string("cannot read the database: ") + sqlite3_errmsg(db));
  std::vector<std::string> out;
  int rc = 0;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    out.emplace_back(t ? reinterpret_cast<const char*>(t) : "");
  }
  sqlite3_finalize(st);
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string("cannot read the database: ") + sqlite3_errmsg(db));
  return out;
}

}  // namespace

std::string sqlite_path(const std::string& url) { return url.rfind("sqlite:", 0) == 0 ? url.substr(7) : ""; }

std::string sqlite_integrity_check(const std::string& path) {
  auto db = open_file(path, SQLITE_OPEN_READONLY);
  auto lines = column(db.get(), "PRAGMA integrity_check(20)");
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return out;
}

int sqlite_schema_version(const std::string& path) {
  auto db = open_file(path, SQLITE_OPEN_READONLY);
  auto has = column(db.get(), "SELECT name FROM sqlite_master WHERE type = 'table' AND name = 'schema_version'");
  if (has.empty()) return 0;
  auto v = column(db.get(), "SELECT COALESCE(MAX(version), 0) FROM schema_version");
  return v.empty() ? 0 : std::stoi(v.front());
}

int known_sqlite_schema_version() {
  int v = 0;
  for (const auto& m : embedded_migrations())
    if (m.backend == "sqlite") v = std::max(v, m.number);
  return v;
}

BackupStats sqlite_backup(const std::string& from, const std::string& to, int pages_per_step,
                          const std::function<void(int, int)>& progress) {
  auto src = open_file(from, SQLITE_OPEN_READONLY);
  auto dst = open_file(to, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
  sqlite3_backup* b = sqlite3_backup_init(dst.get(), "main", src.get(), "main");
  if (!b) throw std::runtime_error(std::string("cannot start the backup: ") + sqlite3_errmsg(dst.get()));
  BackupStats stats;
  int last_remaining = -1, rc = SQLITE_OK;
  constexpr int kMaxRestarts = 3;
  do {
    int step = stats.restarts >= kMaxRestarts ? -1 : pages_per_step;
    rc = sqlite3_backup_step(b, step);
    ++stats.steps;
    int remaining = sqlite3_backup_remaining(b), total = sqlite3_backup_pagecount(b);
    if (last_remaining >= 0 && remaining > last_remaining) ++stats.restarts;
    last_remaining = remaining;
    stats.pages = total;
    if (progress) progress(remaining, total);
    if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED) std::this_thread::sleep_for(std::chrono::milliseconds(20));
  } while (rc == SQLITE_OK || rc == SQLITE_BUSY || rc == SQLITE_LOCKED);
  sqlite3_backup_finish(b);
  if (rc != SQLITE_DONE) throw std::runtime_error(std::string("the backup failed: ") + sqlite3_errstr(rc));
  return stats;
}

bool FileLock::try_lock(const std::string& path, bool exclusive) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return true;  // no file yet: nobody can be using it
  if (flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
    ::close(fd);
    return false;
  }
  fd_ = fd;
  return true;
}

FileLock::~FileLock() {
  if (fd_ >= 0) ::close(fd_);
}

}  // namespace stegvis::store
