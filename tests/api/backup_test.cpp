// Backup and restore (issue #5, item 7): `stegvis backup` copies the SQLite
// database while the API keeps writing; `stegvis restore` puts a copy back
// after checking it, refuses while a server uses the target, keeps the file it
// replaces, and the restored database holds every row and serves the data.
// On PostgreSQL both commands name pg_dump / pg_restore instead.
#include <gtest/gtest.h>
#include <signal.h>
#include <sqlite3.h>

#include <atomic>
#include <filesystem>
#include <fstream>
#include <thread>

#include "api/participant_support.hpp"
#include "api/server_process.hpp"
#include "store/sqlite_file.hpp"

using namespace stegvis::test;
namespace fs = std::filesystem;

namespace {

// Every row of every table as text, table by table in name order, rows in rowid order.
std::map<std::string, std::vector<std::string>> dump(const std::string& path) {
  sqlite3* db = nullptr;
  EXPECT_EQ(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr), SQLITE_OK);
  std::vector<std::string> tables;
  sqlite3_stmt* st = nullptr;
  sqlite3_prepare_v2(db, "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name", -1, &st, nullptr);
  while (sqlite3_step(st) == SQLITE_ROW) tables.emplace_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
  sqlite3_finalize(st);
  std::map<std::string, std::vector<std::string>> out;
  for (const auto& t : tables) {
    auto& rows = out[t];
    sqlite3_prepare_v2(db, ("SELECT * FROM \"" + t + "\" ORDER BY rowid").c_str(), -1, &st, nullptr);
    if (!st) sqlite3_prepare_v2(db, ("SELECT * FROM \"" + t + "\"").c_str(), -1, &st, nullptr);
    while (sqlite3_step(st) == SQLITE_ROW) {
      std::string row;
      for (int c = 0; c < sqlite3_column_count(st); ++c) {
        const unsigned char* v = sqlite3_column_text(st, c);
        row += (v ? reinterpret_cast<const char*>(v) : "\\N") + std::string("\x1f");
      }
      rows.push_back(row);
    }
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return out;
}

}  // namespace

TEST(Backup, OnPostgresqlBothCommandsNameThePostgresqlTools) {
  if (stegvis::store::sqlite_path(server().db_url) != "") GTEST_SKIP() << "SQLite: see the round trip";
  std::string out;
  EXPECT_EQ(run_stegvis({"backup", "--db", server().db_url, "--out", "/tmp/never-written.db"}, &out), 2);
  EXPECT_NE(out.find("pg_dump"), std::string::npos) << out;
  EXPECT_NE(out.find("key file"), std::string::npos) << out;
  EXPECT_EQ(run_stegvis({"restore", "--db", server().db_url, "--from", "/tmp/never-written.db"}, &out), 2);
  EXPECT_NE(out.find("pg_restore"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists("/tmp/never-written.db"));
}

TEST(Backup, OnlineBackupWhileWritingRestoresEveryRowAndServesIt) {
  const std::string live = stegvis::store::sqlite_path(server().db_url);
  if (live.empty()) GTEST_SKIP() << "PostgreSQL: pg_dump is the tool";
  const fs::path dir = fs::path(server().key_file).parent_path() / unique_name("backup");
  fs::create_directories(dir);
  const std::string backup = (dir / "stegvis-backup.db").string(), restored = (dir / "restored.db").string();

  ApiClient sam = logged_in("samordnare.vastra");
  auto id = create_enrolment(sam, programme_id());
  ASSERT_NE(id, 0);
  const std::string path = "/api/v1/enrolments/" + std::to_string(id) + "/contacts";
  // Writers keep going through the whole backup.
  std::atomic<bool> stop{false};
  std::atomic<int> acknowledged_before{0}, written{0};
  std::thread writer([&] {
    ApiClient mine = sam;
    for (int n = 0; !stop; ++n) {
      auto r = mine.post(path, {{"date", day()}, {"kind", "meeting"}, {"minutes", 10}, {"note", "under backup " + std::to_string(n)}});
      if (r.status == 201) ++written;
    }
  });
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(30);
  while (written < 5 && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  if (written < 5) {
    stop = true;
    writer.join();
    FAIL() << "the API stored no contacts";
  }
  acknowledged_before = written.load();
  std::string out;
  int rc = run_stegvis({"backup", "--db", server().db_url, "--out", backup, "--pages-per-step", "8"}, &out);
  int during = written - acknowledged_before;
  stop = true;
  writer.join();
  ASSERT_EQ(rc, 0) << out;
  EXPECT_NE(out.find("integrity ok"), std::string::npos) << out;
  std::cout << "[ backup ] " << out << "[ backup ] " << during << " contacts written during the backup\n";
  EXPECT_EQ(stegvis::store::sqlite_integrity_check(backup), "ok");
  EXPECT_EQ(fs::status(backup).permissions() & fs::perms::others_read, fs::perms::none) << "a backup is private";
  // A second backup to the same name is refused rather than overwriting.
  EXPECT_NE(run_stegvis({"backup", "--db", server().db_url, "--out", backup}, &out), 0);

  // Restore into a new file, then compare every table, every row.
  ASSERT_EQ(run_stegvis({"restore", "--db", "sqlite:" + restored, "--from", backup}, &out), 0) << out;
  auto a = dump(backup), b = dump(restored);
  ASSERT_FALSE(a.empty());
  EXPECT_EQ(a.size(), b.size());
  for (const auto& [table, rows] : a) {
    ASSERT_TRUE(b.count(table)) << table;
    EXPECT_EQ(rows.size(), b[table].size()) << table;
    EXPECT_TRUE(rows == b[table]) << "table " << table << " differs";
  }
  EXPECT_GT(a["contact"].size(), 0u);
  EXPECT_GT(a["audit_log"].size(), 0u);

  // The restored database serves the data: the contacts acknowledged before the backup began are there.
  ServerProcess copy;
  ASSERT_TRUE(copy.start("sqlite:" + restored)) << copy.log();
  ApiClient there(copy.port());
  ASSERT_EQ(there.login("samordnare.vastra").status, 200);
  auto view = there.get("/api/v1/enrolments/" + std::to_string(id));
  ASSERT_EQ(view.status, 200) << view.text;
  EXPECT_GE(static_cast<int>(view.body["contacts"].size()), acknowledged_before.load());
  EXPECT_EQ(view.body["person"]["first_name"], "Testa") << "the sealed fields open with the same key file";
  // While that server runs, a restore over its file is refused and changes nothing.
  EXPECT_EQ(run_stegvis({"restore", "--db", "sqlite:" + restored, "--from", backup}, &out), 3) << out;
  EXPECT_NE(out.find("Stop it first"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(restored + ".before-restore"));
  EXPECT_EQ(copy.signal(SIGTERM), 0);
  // Stopped, the restore goes through and keeps the file it replaced.
  ASSERT_EQ(run_stegvis({"restore", "--db", "sqlite:" + restored, "--from", backup}, &out), 0) << out;
  EXPECT_TRUE(fs::exists(restored + ".before-restore"));
  EXPECT_EQ(stegvis::store::sqlite_integrity_check(restored + ".before-restore"), "ok");
  fs::remove_all(dir);
}

TEST(Backup, RestoreRefusesAFileThatIsNoStegvisDatabase) {
  if (stegvis::store::sqlite_path(server().db_url).empty()) GTEST_SKIP();
  const fs::path dir = fs::path(server().key_file).parent_path() / unique_name("badrestore");
  fs::create_directories(dir);
  const std::string junk = (dir / "junk.db").string(), target = (dir / "target.db").string();
  std::ofstream(junk) << "this is not a database\n";
  std::string out;
  EXPECT_EQ(run_stegvis({"restore", "--db", "sqlite:" + target, "--from", junk}, &out), 1);
  EXPECT_NE(out.find("nothing was changed"), std::string::npos) << out;
  EXPECT_FALSE(fs::exists(target));
  EXPECT_EQ(run_stegvis({"restore", "--db", "sqlite:" + target, "--from", (dir / "missing.db").string()}, &out), 1);
  EXPECT_NE(out.find("does not exist"), std::string::npos) << out;
  fs::remove_all(dir);
}
