// The SOCI-backed Database: a pool of connections to SQLite or PostgreSQL,
// migrations, and units of work (SqlStore).
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <chrono>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "store/migration.hpp"
#include "store/sql/dialect.hpp"
#include "store/sql/sql_store.hpp"
#include "store/sql/sqlite_checkpointer.hpp"
#include "store/sql/sqlite_statement_cache.hpp"
#include "store/store.hpp"

namespace stegvis::store {
namespace sql {
namespace {

constexpr const char* kSchemaVersionDdl =
    "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
    "applied_at TEXT NOT NULL)";

std::string now_iso() {
  auto t = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", std::gmtime(&t));
  return buf;
}

class SqlDatabase final : public Database {
 public:
  SqlDatabase(const Dialect& dialect, const std::string& connect, int pool_size, const std::string& sqlite_sync = "FULL")
      : dialect_(dialect), pool_(static_cast<std::size_t>(pool_size)) {
    if (dialect_.backend == "sqlite") {
      // SQLite counts its memory under one process-wide mutex on every malloc and free, where the
      // server's threads queued; the count is for sqlite3_status(), which nothing here reads. Only
      // possible before SQLite's first use in the process (later it refuses, which is harmless).
      static std::once_flag memstatus_off;
      std::call_once(memstatus_off, [] { sqlite_api::sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0); });
    }
    for (int i = 0; i < pool_size; ++i) {
      soci::session& s = pool_.at(static_cast<std::size_t>(i));
      if (dialect_.backend == "sqlite") {
        s.open(cached_sqlite3(), connect);
        // WAL lets readers run beside one writer; FULL sync loses no committed write on power loss.
        // NORMAL (sqlite:PATH?synchronous=normal) syncs at checkpoints only: a crashed process loses
        // nothing, a power cut may lose the last commits; for disks whose fsync takes milliseconds.
        // Checkpoints are the background thread's (sqlite_checkpointer.hpp). No memory map: the
        // pages a report scans would count in the server's resident size.
        dialect_.exec_script(s, "PRAGMA journal_mode=WAL; PRAGMA foreign_keys=ON; PRAGMA synchronous=" + sqlite_sync +
                                    "; PRAGMA busy_timeout=10000; PRAGMA wal_autocheckpoint=0;");
      } else {
        s.open(soci::postgresql, connect);
        dialect_.exec_script(s, "SET client_min_messages = warning");
      }
    }
    if (dialect_.backend == "sqlite") checkpointer_ = std::make_unique<WalCheckpointer>(connect);
  }

  std::string backend() const override { return dialect_.backend; }

  std::unique_ptr<Store> begin(bool write) override {
    return std::make_unique<SqlStore>(pool_, dialect_, write, std::atomic_load(&cipher_),
                                      dialect_.backend == "sqlite" ? &writer_lock_ : nullptr);
  }

  int migrate() override {
    soci::session s(pool_);
    dialect_.exec_script(s, kSchemaVersionDdl);
    dialect_.exec_script(s, dialect_.begin_write);
    try {
      // Several server processes may start at once against one PostgreSQL.
      if (dialect_.backend == "postgresql") dialect_.exec_script(s, "SELECT pg_advisory_xact_lock(727273)");
      int current = current_version(s);
      for (const auto& m : embedded_migrations()) {
        if (m.backend != dialect_.backend || m.number <= current) continue;
        dialect_.exec_script(s, m.sql);
        std::string applied = now_iso();
        s << "INSERT INTO schema_version (version, name, applied_at) VALUES (:v, :n, :a)", soci::use(m.number),
            soci::use(m.name), soci::use(applied);
        current = m.number;
      }
      dialect_.exec_script(s, "COMMIT");
      return current;
    } catch (...) {
      dialect_.exec_script(s, "ROLLBACK");
      throw;
    }
  }

  void set_field_key(const std::string& key32) override {
    std::atomic_store(&cipher_, std::shared_ptr<const crypto::FieldCipher>(std::make_shared<crypto::FieldCipher>(key32)));
  }

  int schema_version() override {
    soci::session s(pool_);
    dialect_.exec_script(s, kSchemaVersionDdl);
    return current_version(s);
  }

  bool is_empty() override {
    soci::session s(pool_);
    long long n = 0;
    s << "SELECT COUNT(*) FROM programme", soci::into(n);
    long long a = 0;
    s << "SELECT COUNT(*) FROM association", soci::into(a);
    return n == 0 && a == 0;
  }

 private:
  static int current_version(soci::session& s) {
    long long v = 0;
    soci::indicator ind = soci::i_ok;
    s << "SELECT MAX(version) FROM schema_version", soci::into(v, ind);
    return ind == soci::i_null ? 0 : static_cast<int>(v);
  }

  const Dialect& dialect_;
  soci::connection_pool pool_;
  // SQLite has one writer at a time, and a writer that finds the lock taken sleeps in
  // steps of up to 100 ms (busy_timeout). Writers of this process queue here instead and
  // are woken the moment the one before commits; other processes still meet busy_timeout.
  std::timed_mutex writer_lock_;
  std::shared_ptr<const crypto::FieldCipher> cipher_;
  std::unique_ptr<WalCheckpointer> checkpointer_;  // after pool_: stopped before the pool closes
};

}  // namespace
}  // namespace sql

std::string postgresql_keywords(const std::string& url) {
  auto decode = [](const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
      if (s[i] == '%' && i + 2 < s.size()) {
        out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
        i += 2;
      } else {
        out += s[i];
      }
    }
    return out;
  };
  auto quote = [](const std::string& v) {
    std::string out = "'";
    for (char c : v) {
      if (c == '\\' || c == '\'') out += '\\';
      out += c;
    }
    return out + "'";
  };
  std::string rest = url.substr(url.find("://") + 3);
  std::string query;
  if (auto q = rest.find('?'); q != std::string::npos) {
    query = rest.substr(q + 1);
    rest = rest.substr(0, q);
  }
  std::string userinfo, hostport = rest, dbname;
  if (auto at = rest.rfind('@'); at != std::string::npos) {
    userinfo = rest.substr(0, at);
    hostport = rest.substr(at + 1);
  }
  if (auto slash = hostport.find('/'); slash != std::string::npos) {
    dbname = hostport.substr(slash + 1);
    hostport = hostport.substr(0, slash);
  }
  std::string out;
  auto add = [&](const char* key, const std::string& value) {
    if (!value.empty()) out += std::string(out.empty() ? "" : " ") + key + "=" + quote(decode(value));
  };
  if (auto colon = userinfo.find(':'); colon != std::string::npos) {
    add("user", userinfo.substr(0, colon));
    add("password", userinfo.substr(colon + 1));
  } else {
    add("user", userinfo);
  }
  if (auto colon = hostport.rfind(':'); colon != std::string::npos && hostport.find(']') == std::string::npos) {
    add("host", hostport.substr(0, colon));
    add("port", hostport.substr(colon + 1));
  } else {
    add("host", hostport);
  }
  add("dbname", dbname);
  std::size_t start = 0;
  while (start < query.size()) {
    std::size_t end = query.find('&', start);
    if (end == std::string::npos) end = query.size();
    std::string kv = query.substr(start, end - start);
    if (auto eq = kv.find('='); eq != std::string::npos) {
      std::string key = kv.substr(0, eq);
      bool plain = !key.empty() && key.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") == std::string::npos;
      if (plain) add(key.c_str(), kv.substr(eq + 1));
    }
    start = end + 1;
  }
  return out;
}

std::unique_ptr<Database> open_database(const std::string& url, int pool_size) {
  if (pool_size < 1) pool_size = 1;
  try {
    if (url.rfind("sqlite:", 0) == 0) {
      std::string path = url.substr(7), sync = "FULL";
      if (auto q = path.find('?'); q != std::string::npos) {
        std::string option = path.substr(q + 1);
        path = path.substr(0, q);
        if (option == "synchronous=normal") sync = "NORMAL";
        else if (option != "synchronous=full")
          throw std::runtime_error("unknown SQLite option '" + option + "': use ?synchronous=full or ?synchronous=normal");
      }
      if (path.empty()) throw std::runtime_error("the SQLite URL names no file (sqlite:PATH)");
      return std::make_unique<sql::SqlDatabase>(sql::sqlite_dialect(), "db=" + path + " timeout=10", pool_size, sync);
    }
    if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0)
      return std::make_unique<sql::SqlDatabase>(sql::postgresql_dialect(), postgresql_keywords(url), pool_size);
  } catch (const soci::soci_error& e) {
    throw std::runtime_error(std::string("cannot open the database: ") + e.what());
  }
  throw std::runtime_error("unknown database URL '" + url + "': use sqlite:PATH or postgresql://user:pw@host:port/db");
}

}  // namespace stegvis::store
