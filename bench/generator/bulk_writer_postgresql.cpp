// PostgreSQL bulk loading through COPY (text format). Foreign keys and
// secondary indexes of the loaded tables are dropped first and restored after,
// which checks every reference once in a join instead of once per row.
#include <libpq-fe.h>

#include <charconv>
#include <stdexcept>

#include "generator/bulk_writer.hpp"
#include "store/store.hpp"

namespace stegvis::bench {
namespace {

class PgWriter final : public BulkWriter {
 public:
  explicit PgWriter(const std::string& url) {
    conn_ = PQconnectdb(store::postgresql_keywords(url).c_str());
    if (PQstatus(conn_) != CONNECTION_OK) throw std::runtime_error("PostgreSQL: " + std::string(PQerrorMessage(conn_)));
    exec("SET client_min_messages = warning");
    exec("SET synchronous_commit = off");
    exec("SET maintenance_work_mem = '256MB'");
  }
  ~PgWriter() override { PQfinish(conn_); }

  void prepare(const std::vector<std::string>& tables) override {
    tables_ = tables;
    std::string list = "'{";
    for (std::size_t i = 0; i < tables.size(); ++i) list += (i ? "," : "") + tables[i];
    list += "}'::text[]";
    for (const auto& row : query("SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                                 "WHERE contype = 'f' AND conrelid::regclass::text = ANY(" + list + ")")) {
      exec("ALTER TABLE " + row[0] + " DROP CONSTRAINT " + row[1]);
      restore_.push_back("ALTER TABLE " + row[0] + " ADD CONSTRAINT " + row[1] + " " + row[2]);
    }
    for (const auto& row : query("SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid) FROM pg_index i "
                                 "JOIN pg_class c ON c.oid = i.indrelid WHERE c.relname = ANY(" + list + ") "
                                 "AND NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conindid = i.indexrelid)")) {
      exec("DROP INDEX " + row[0]);
      restore_.insert(restore_.begin(), row[1]);  // indexes before the keys that use them
    }
  }

  void begin_table(const std::string& table, const std::vector<std::string>& columns) override {
    std::string sql = "COPY " + table + " (";
    for (std::size_t i = 0; i < columns.size(); ++i) sql += (i ? ", " : "") + columns[i];
    sql += ") FROM STDIN";
    PGresult* r = PQexec(conn_, sql.c_str());
    bool ok = PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    if (!ok) throw std::runtime_error("PostgreSQL: " + std::string(PQerrorMessage(conn_)) + " in " + sql);
    first_ = true;
  }
  void null() override { sep(); buf_ += "\\N"; }
  void value(std::int64_t v) override {
    sep();
    char tmp[24];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, end);
  }
  void value(double v) override {
    sep();
    char tmp[32];
    auto [end, ec] = std::to_chars(tmp, tmp + sizeof tmp, v);
    buf_.append(tmp, end);
  }
  void value(std::string_view v) override {
    sep();
    for (char c : v) {
      switch (c) {
        case '\\': buf_ += "\\\\"; break;
        case '\n': buf_ += "\\n"; break;
        case '\r': buf_ += "\\r"; break;
        case '\t': buf_ += "\\t"; break;
        default: buf_ += c;
      }
    }
  }
  void end_row() override {
    buf_ += '\n';
    first_ = true;
    ++rows_;
    if (buf_.size() > (1 << 20)) flush();
  }
  void end_table() override {
    flush();
    if (PQputCopyEnd(conn_, nullptr) != 1) throw std::runtime_error("PostgreSQL COPY: " + std::string(PQerrorMessage(conn_)));
    std::string error;
    while (PGresult* r = PQgetResult(conn_)) {
      if (PQresultStatus(r) != PGRES_COMMAND_OK) error = PQresultErrorMessage(r);
      PQclear(r);
    }
    if (!error.empty()) throw std::runtime_error("PostgreSQL COPY: " + error);
  }

  void finish() override {
    for (const auto& sql : restore_) exec(sql);
    std::string list = "'{";
    for (std::size_t i = 0; i < tables_.size(); ++i) list += (i ? "," : "") + tables_[i];
    list += "}'::text[]";
    for (const auto& row : query("SELECT table_name FROM information_schema.columns WHERE column_name = 'id' "
                                 "AND is_identity = 'YES' AND table_name = ANY(" + list + ")"))
      exec("SELECT setval(pg_get_serial_sequence('" + row[0] + "', 'id'), (SELECT COALESCE(MAX(id), 0) + 1 FROM " +
           row[0] + "), false)");
    // Visibility map and statistics, so that the first queries see the table as a settled one would.
    for (const auto& t : tables_) exec("VACUUM ANALYZE " + t);
  }

 private:
  void sep() {
    if (!first_) buf_ += '\t';
    first_ = false;
  }
  void flush() {
    if (buf_.empty()) return;
    if (PQputCopyData(conn_, buf_.data(), static_cast<int>(buf_.size())) != 1)
      throw std::runtime_error("PostgreSQL COPY: " + std::string(PQerrorMessage(conn_)));
    buf_.clear();
  }
  void exec(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    auto status = PQresultStatus(r);
    std::string msg = PQresultErrorMessage(r);
    PQclear(r);
    if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK)
      throw std::runtime_error("PostgreSQL: " + msg + " in " + sql.substr(0, 200));
  }
  std::vector<std::vector<std::string>> query(const std::string& sql) {
    PGresult* r = PQexec(conn_, sql.c_str());
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
      std::string msg = PQresultErrorMessage(r);
      PQclear(r);
      throw std::runtime_error("PostgreSQL: " + msg);
    }
    std::vector<std::vector<std::string>> out;
    for (int i = 0; i < PQntuples(r); ++i) {
      std::vector<std::string> row;
      for (int j = 0; j < PQnfields(r); ++j) row.emplace_back(PQgetvalue(r, i, j));
      out.push_back(std::move(row));
    }
    PQclear(r);
    return out;
  }

  PGconn* conn_ = nullptr;
  std::string buf_;
  bool first_ = true;
  std::vector<std::string> tables_;
  std::vector<std::string> restore_;
};

}  // namespace

std::unique_ptr<BulkWriter> open_sqlite_bulk_writer(const std::string& path);

std::unique_ptr<BulkWriter> open_bulk_writer(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return open_sqlite_bulk_writer(url.substr(7, url.find('?') == std::string::npos ? std::string::npos : url.find('?') - 7));
  if (url.rfind("postgresql://", 0) == 0 || url.rfind("postgres://", 0) == 0) return std::make_unique<PgWriter>(url);
  throw std::runtime_error("unknown database URL '" + url + "'");
}

}  // namespace stegvis::bench
