// stegvis backup / restore: whole-database copies of SQLite through the SQLite
// backup API. PostgreSQL has its own tools (pg_dump, pg_basebackup), which both
// commands name instead. The key file is never part of a backup: it is kept apart.
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "cli/commands.hpp"
#include "store/sqlite_file.hpp"

namespace stegvis::cli {
namespace fs = std::filesystem;
namespace {

int explain_postgresql(const char* what) {
  std::cerr << "stegvis " << what << ": the database is PostgreSQL. Use PostgreSQL's own tools:\n"
               "  backup:  pg_dump --format=custom --file=stegvis.dump 'postgresql://user:pw@host:port/db'\n"
               "           (or pg_basebackup -D DIR for a copy of the whole server, with WAL for point-in-time recovery)\n"
               "  restore: stop every stegvis serve, then\n"
               "           pg_restore --clean --if-exists --no-owner --dbname='postgresql://user:pw@host:port/db' stegvis.dump\n"
               "Back up the key file (key_file) separately, never next to the database dump.\n";
  return 2;
}

// The checks a file must pass before it may become the database.
std::string check_backup_file(const std::string& path) {
  if (!fs::exists(path)) return path + " does not exist";
  std::string integrity;
  int version = 0;
  try {
    integrity = store::sqlite_integrity_check(path);
    version = store::sqlite_schema_version(path);
  } catch (const std::exception& e) {
    return path + " is not a readable SQLite database (" + e.what() + ")";
  }
  if (integrity != "ok") return path + " fails PRAGMA integrity_check:\n" + integrity;
  if (version == 0) return path + " holds no Stegvis schema (no schema_version)";
  if (version > store::known_sqlite_schema_version())
    return path + " has schema version " + std::to_string(version) + ", newer than this program knows (" +
           std::to_string(store::known_sqlite_schema_version()) + "): restore it with a newer stegvis";
  return "";
}

}  // namespace

int run_backup(const Config& c, const BackupOptions& o) {
  const std::string db = store::sqlite_path(c.db);
  if (db.empty()) return explain_postgresql("backup");
  if (o.out.empty()) {
    std::cerr << "stegvis backup: name the backup file with --out FILE\n";
    return 2;
  }
  if (!fs::exists(db)) {
    std::cerr << "stegvis backup: " << db << " does not exist\n";
    return 1;
  }
  if (fs::exists(o.out)) {
    std::cerr << "stegvis backup: " << o.out << " exists already; choose a new file name\n";
    return 1;
  }
  // Written beside the target under another name, so a half-made copy never looks like a backup.
  const std::string partial = o.out + ".partial";
  fs::remove(partial);
  auto started = std::chrono::steady_clock::now();
  auto stats = store::sqlite_backup(db, partial, o.pages_per_step);
  if (auto problem = check_backup_file(partial); !problem.empty()) {
    std::cerr << "stegvis backup: the copy failed its check: " << problem << "\n";
    return 1;
  }
  fs::rename(partial, o.out);
  fs::permissions(o.out, fs::perms::owner_read | fs::perms::owner_write, fs::perm_options::replace);
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - started).count();
  std::cout << "backup of " << db << " written to " << o.out << ": " << stats.pages << " pages in " << stats.steps
            << " steps (" << stats.restarts << " restarts), " << static_cast<long>(ms) << " ms, schema version "
            << store::sqlite_schema_version(o.out) << ", integrity ok.\n"
            << "Keep the key file (" << c.key_file << ") in a separate backup: without it the sealed fields cannot be read.\n";
  return 0;
}

int run_restore(const Config& c, const RestoreOptions& o) {
  const std::string db = store::sqlite_path(c.db);
  if (db.empty()) return explain_postgresql("restore");
  if (o.from.empty()) {
    std::cerr << "stegvis restore: name the backup file with --from FILE\n";
    return 2;
  }
  if (auto problem = check_backup_file(o.from); !problem.empty()) {
    std::cerr << "stegvis restore: " << problem << "; nothing was changed.\n";
    return 1;
  }
  // A running server holds a shared lock on the file for its whole life.
  store::FileLock lock;
  if (!lock.try_lock(db, true)) {
    std::cerr << "stegvis restore: " << db << " is in use by a running stegvis serve. Stop it first "
              << "(systemctl stop stegvis, or kill -TERM <pid>: it finishes the requests in flight and exits), "
              << "then run the restore again. Nothing was changed.\n";
    return 3;
  }
  const std::string before = db + ".before-restore";
  if (fs::exists(db)) {
    fs::remove(before);
    store::sqlite_backup(db, before, -1);
  }
  store::sqlite_backup(o.from, db, -1);
  if (auto integrity = store::sqlite_integrity_check(db); integrity != "ok") {
    std::cerr << "stegvis restore: the restored database fails its check: " << integrity << "\n"
              << "The previous database is kept in " << before << ".\n";
    return 1;
  }
  std::cout << "restored " << db << " from " << o.from << " (schema version " << store::sqlite_schema_version(db)
            << ")." << (fs::exists(before) ? " The previous database is kept in " + before + "." : std::string())
            << "\nStart the server with the key file that belonged to this backup.\n";
  return 0;
}

}  // namespace stegvis::cli
