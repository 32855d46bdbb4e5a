#include "store/sql/sqlite_statement_cache.hpp"

#include <soci/sqlite3/soci-sqlite3.h>

#include <algorithm>
#include <string>
#include <vector>

namespace stegvis::store::sql {
namespace {
// SOCI's header includes sqlite3.h inside this namespace.
using namespace sqlite_api;

// Finished statements of one connection, least recently used first. A connection is
// used by one thread at a time (the pool leases it), so no lock. Few statements are
// hot, so a short list searched from the back beats a map.
class StatementCache {
 public:
  ~StatementCache() {
    for (auto& e : entries_) sqlite3_finalize(e.stmt);
  }
  // A kept statement of exactly this text, no longer kept (its user finalizes or returns it).
  sqlite3_stmt* take(const std::string& sql) {
    for (auto it = entries_.rbegin(); it != entries_.rend(); ++it)
      if (it->sql == sql) {
        sqlite3_stmt* s = it->stmt;
        entries_.erase(std::next(it).base());
        return s;
      }
    return nullptr;
  }
  // Keeps a finished statement in the state of a fresh prepare; the oldest goes when full.
  void put(std::string sql, sqlite3_stmt* stmt) {
    sqlite3_reset(stmt);
    sqlite3_clear_bindings(stmt);
    // A long text is rarely a repeated one, and would hold memory on every connection.
    if (sql.size() > kMaxText) {
      sqlite3_finalize(stmt);
      return;
    }
    if (entries_.size() >= kMaxEntries) {
      sqlite3_finalize(entries_.front().stmt);
      entries_.erase(entries_.begin());
    }
    entries_.push_back({std::move(sql), stmt});
  }

 private:
  static constexpr std::size_t kMaxEntries = 64;
  static constexpr std::size_t kMaxText = 8192;
  struct Entry {
    std::string sql;
    sqlite3_stmt* stmt;
  };
  std::vector<Entry> entries_;
};

// SOCI's statement; prepare() and clean_up() do what SOCI's do (see its statement.cpp),
// except that the sqlite3_stmt comes from and goes back to the connection's cache.
struct CachedStatement : soci::sqlite3_statement_backend {
  CachedStatement(soci::sqlite3_session_backend& session, StatementCache& cache)
      : soci::sqlite3_statement_backend(session), cache_(cache) {}

  void prepare(const std::string& query, soci::details::statement_type type) override {
    clean_up();
    if (auto* kept = cache_.take(query)) {
      stmt_ = kept;
      databaseReady_ = true;
    } else {
      soci::sqlite3_statement_backend::prepare(query, type);
    }
    sql_ = query;
  }

  void clean_up() override {
    if (stmt_) {
      cache_.put(std::move(sql_), stmt_);
      stmt_ = nullptr;
      databaseReady_ = false;
    }
    sql_.clear();
    soci::sqlite3_statement_backend::clean_up();
  }

 private:
  StatementCache& cache_;
  std::string sql_;
};

struct CachedSession : soci::sqlite3_session_backend {
  explicit CachedSession(const soci::connection_parameters& p) : soci::sqlite3_session_backend(p) {}
  // The kept statements are finalized (cache_ is destroyed) before the base closes the connection.
  soci::sqlite3_statement_backend* make_statement_backend() override { return new CachedStatement(*this, cache_); }

  StatementCache cache_;
};

struct CachedFactory : soci::backend_factory {
  soci::details::session_backend* make_session(const soci::connection_parameters& p) const override {
    return new CachedSession(p);
  }
};

}  // namespace

const soci::backend_factory& cached_sqlite3() {
  static const CachedFactory factory;
  return factory;
}

}  // namespace stegvis::store::sql
