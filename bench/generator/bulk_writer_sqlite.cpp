// SQLite bulk loading: one prepared INSERT per table, a commit every 250,000
// rows, journal and sync off during the load, WAL (the product's mode) after.
#include <sqlite3.h>

#include <stdexcept>

#include "generator/bulk_writer.hpp"

namespace stegvis::bench {
namespace {

class SqliteWriter final : public BulkWriter {
 public:
  explicit SqliteWriter(const std::string& path) {
    if (sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK)
      throw std::runtime_error("cannot open " + path + ": " + sqlite3_errmsg(db_));
    exec("PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA cache_size=-262144; PRAGMA temp_store=MEMORY; "
         "PRAGMA foreign_keys=OFF");
  }
  ~SqliteWriter() override {
    if (stmt_) sqlite3_finalize(stmt_);
    sqlite3_close(db_);
  }

  void prepare(const std::vector<std::string>& tables) override {
    for (const auto& t : tables) {
      sqlite3_stmt* q = nullptr;
      sqlite3_prepare_v2(db_, "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name = ?",
                         -1, &q, nullptr);
      sqlite3_bind_text(q, 1, t.c_str(), -1, SQLITE_TRANSIENT);
      std::vector<std::string> names;
      while (sqlite3_step(q) == SQLITE_ROW) {
        names.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 0)));
        indexes_.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(q, 1)));
      }
      sqlite3_finalize(q);
      for (const auto& n : names) exec("DROP INDEX \"" + n + "\"");
    }
  }

  void begin_table(const std::string& table, const std::vector<std::string>& columns) override {
    std::string sql = "INSERT INTO " + table + " (", marks;
    for (std::size_t i = 0; i < columns.size(); ++i) {
      sql += (i ? ", " : "") + columns[i];
      marks += i ? ", ?" : "?";
    }
    sql += ") VALUES (" + marks + ")";
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &stmt_, nullptr) != SQLITE_OK)
      throw std::runtime_error("SQLite: " + std::string(sqlite3_errmsg(db_)) + " in " + sql);
    exec("BEGIN");
    in_batch_ = 0;
    col_ = 0;
  }
  void null() override { sqlite3_bind_null(stmt_, ++col_); }
  void value(std::int64_t v) override { sqlite3_bind_int64(stmt_, ++col_, v); }
  void value(double v) override { sqlite3_bind_double(stmt_, ++col_, v); }
  void value(std::string_view v) override {
    sqlite3_bind_text(stmt_, ++col_, v.data(), static_cast<int>(v.size()), SQLITE_TRANSIENT);
  }
  void end_row() override {
    if (sqlite3_step(stmt_) != SQLITE_DONE) throw std::runtime_error("SQLite insert: " + std::string(sqlite3_errmsg(db_)));
    sqlite3_reset(stmt_);
    col_ = 0;
    ++rows_;
    if (++in_batch_ == 250'000) {
      exec("COMMIT; BEGIN");
      in_batch_ = 0;
    }
  }
  void end_table() override {
    exec("COMMIT");
    sqlite3_finalize(stmt_);
    stmt_ = nullptr;
  }

  void finish() override {
    exec("BEGIN");
    for (const auto& sql : indexes_) exec(sql);
    exec("COMMIT");
    exec("ANALYZE; PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL");
  }

 private:
  void exec(const std::string& sql) {
    char* err = nullptr;
    if (sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, &err) != SQLITE_OK) {
      std::string msg = err ? err : "unknown error";
      sqlite3_free(err);
      throw std::runtime_error("SQLite: " + msg + " in " + sql.substr(0, 200));
    }
  }

  sqlite3* db_ = nullptr;
  sqlite3_stmt* stmt_ = nullptr;
  int col_ = 0;
  int in_batch_ = 0;
  std::vector<std::string> indexes_;
};

}  // namespace

std::unique_ptr<BulkWriter> open_sqlite_bulk_writer(const std::string& path) { return std::make_unique<SqliteWriter>(path); }

}  // namespace stegvis::bench
