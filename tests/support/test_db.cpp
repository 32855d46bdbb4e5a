#include "support/test_db.hpp"

#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <unistd.h>

#include "crypto/crypto.hpp"

namespace stegvis::test {
namespace fs = std::filesystem;

namespace {
std::atomic<int> g_counter{0};

std::string unique_name() {
  return "t" + std::to_string(::getpid()) + "_" + std::to_string(g_counter++);
}
}  // namespace

TestDb::~TestDb() {
  db.reset();
  if (url.rfind("sqlite:", 0) == 0) {
    std::string path = url.substr(7);
    fs::remove(path);
    fs::remove(path + "-wal");
    fs::remove(path + "-shm");
  }
  // PostgreSQL test databases are dropped with the whole server at the end of test.sh.
}

std::unique_ptr<TestDb> fresh_sqlite() {
  crypto::init();
  auto t = std::make_unique<TestDb>();
  t->url = "sqlite:" + (fs::temp_directory_path() / ("stegvis_" + unique_name() + ".db")).string();
  t->db = store::open_database(t->url, 4);
  t->db->migrate();
  return t;
}

std::string pg_url_or_empty() {
  const char* v = std::getenv("STEGVIS_TEST_PG");
  return v ? v : "";
}

std::unique_ptr<TestDb> fresh_postgresql() {
  crypto::init();
  std::string base = pg_url_or_empty();
  if (base.empty()) {
    const char* req = std::getenv("STEGVIS_TEST_PG_REQUIRED");
    if (req && std::string(req) == "1") throw std::runtime_error("STEGVIS_TEST_PG is required but not set");
    return nullptr;
  }
  // One database per test: CREATE DATABASE from the server's maintenance connection.
  std::string name = "stegvis_" + unique_name();
  {
    soci::session admin(soci::postgresql, store::postgresql_keywords(base));
    admin << "CREATE DATABASE " + name;  // name is made here, never from input
  }
  auto slash = base.rfind('/');
  auto t = std::make_unique<TestDb>();
  t->url = base.substr(0, slash + 1) + name;
  t->db = store::open_database(t->url, 4);
  t->db->migrate();
  return t;
}

void exec_sql(const std::string& url, const std::string& sql) {
  if (url.rfind("sqlite:", 0) == 0) {
    soci::session s(soci::sqlite3, "db=" + url.substr(7) + " timeout=10");
    s << sql;
  } else {
    soci::session s(soci::postgresql, store::postgresql_keywords(url));
    s << sql;
  }
}

std::string query_text(const std::string& url, const std::string& sql) {
  std::string out;
  soci::indicator ind = soci::i_ok;
  if (url.rfind("sqlite:", 0) == 0) {
    soci::session s(soci::sqlite3, "db=" + url.substr(7) + " timeout=10");
    s << sql, soci::into(out, ind);
  } else {
    soci::session s(soci::postgresql, store::postgresql_keywords(url));
    s << sql, soci::into(out, ind);
  }
  return ind == soci::i_null ? "" : out;
}

}  // namespace stegvis::test
