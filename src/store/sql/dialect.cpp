#include "store/sql/dialect.hpp"

#include <libpq-fe.h>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <stdexcept>

namespace stegvis::store::sql {
namespace {

// SOCI prepares one statement at a time; migrations hold many. The transaction statements,
// run several times a request, go through SOCI so that the connection keeps them prepared.
void sqlite_exec(soci::session& s, const std::string& script) {
  if (script == "BEGIN" || script == "BEGIN IMMEDIATE" || script == "COMMIT" || script == "ROLLBACK") {
    try {
      s << script;
    } catch (const soci::soci_error& e) {
      throw std::runtime_error(std::string("SQLite: ") + e.get_error_message());
    }
    return;
  }
  auto* be = static_cast<soci::sqlite3_session_backend*>(s.get_backend());
  char* err = nullptr;
  if (::sqlite_api::sqlite3_exec(be->conn_, script.c_str(), nullptr, nullptr, &err) != 0) {
    std::string msg = err ? err : "unknown error";
    ::sqlite_api::sqlite3_free(err);
    throw std::runtime_error("SQLite: " + msg);
  }
}

void postgresql_exec(soci::session& s, const std::string& script) {
  auto* be = static_cast<soci::postgresql_session_backend*>(s.get_backend());
  PGresult* res = PQexec(be->conn_, script.c_str());
  auto status = PQresultStatus(res);
  std::string msg = PQresultErrorMessage(res);
  PQclear(res);
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) throw std::runtime_error("PostgreSQL: " + msg);
}

}  // namespace

const Dialect& sqlite_dialect() {
  static const Dialect d{"sqlite", "BEGIN", "BEGIN IMMEDIATE", "", &sqlite_exec};
  return d;
}

const Dialect& postgresql_dialect() {
  // One advisory lock for the whole chain: appends are short, and a forked
  // chain would make tampering undetectable.
  // Writers also queue up front, as BEGIN IMMEDIATE does on SQLite: a check such as "is the
  // name free?" then holds until commit, and a race gives 409 rather than a unique-key 500.
  static const Dialect d{"postgresql", "BEGIN", "BEGIN; SELECT pg_advisory_xact_lock(727275)",
                         "SELECT pg_advisory_xact_lock(727274)", &postgresql_exec};
  return d;
}

}  // namespace stegvis::store::sql
