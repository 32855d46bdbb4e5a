// A fresh, migrated database for a test: a SQLite file in a temp folder, or a
// new schema on the PostgreSQL server named by STEGVIS_TEST_PG.
#pragma once
#include <memory>
#include <string>

#include "store/store.hpp"

namespace stegvis::test {

struct TestDb {
  std::string url;
  std::unique_ptr<store::Database> db;
  ~TestDb();
};

std::unique_ptr<TestDb> fresh_sqlite();
// Null when STEGVIS_TEST_PG is unset (unless STEGVIS_TEST_PG_REQUIRED=1: then it fails).
std::unique_ptr<TestDb> fresh_postgresql();
std::string pg_url_or_empty();
// Runs one statement on a connection of its own, outside the product's stores (to tamper in tests).
void exec_sql(const std::string& url, const std::string& sql);
// The first column of the first row as text ("" when none), read outside the product's stores.
std::string query_text(const std::string& url, const std::string& sql);

}  // namespace stegvis::test
