// Crash safety (issue #5, item 6): a stream of contacts is written through the
// API from a few threads, each with an Idempotency-Key; the server is killed
// with SIGKILL at a random moment and restarted on the same database. Every
// write that got a 2xx must be there, none twice; retrying a write whose
// answer was lost (with its key) must not add it again; the SQLite file must
// pass PRAGMA integrity_check and the audit chain must be whole.
// The seed is printed; STEGVIS_CRASH_SEED=N repeats a run.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>

#include <atomic>
#include <chrono>
#include <cstdlib>
#include <iostream>
#include <map>
#include <mutex>
#include <random>
#include <set>
#include <thread>

#include "api/participant_support.hpp"
#include "api/server_fixture.hpp"
#include "api/server_process.hpp"
#include "store/sqlite_file.hpp"

using namespace stegvis::test;

namespace {

struct Write {
  std::int64_t enrolment = 0;
  std::string key;
  int status = 0;  // 0: no answer (the server died under it)
  std::int64_t id = 0;
};

unsigned crash_seed() {
  if (const char* s = std::getenv("STEGVIS_CRASH_SEED"); s && *s) return static_cast<unsigned>(std::stoul(s));
  return static_cast<unsigned>(std::chrono::steady_clock::now().time_since_epoch().count() & 0x7fffffff);
}

json contact_body(const std::string& key) {
  return {{"date", day()}, {"kind", "meeting"}, {"minutes", 30}, {"note", "crash " + key}};
}

// The contacts of the enrolment whose note carries this run's tag, counted per key.
std::map<std::string, int> stored_keys(ApiClient& c, std::int64_t enrolment, const std::string& tag,
                                       std::set<std::int64_t>* ids) {
  std::map<std::string, int> out;
  auto r = c.get("/api/v1/enrolments/" + std::to_string(enrolment));
  EXPECT_EQ(r.status, 200) << r.text;
  for (const auto& x : r.body.value("contacts", json::array())) {
    std::string note = x.value("note", "");
    if (note.rfind("crash " + tag, 0) != 0) continue;
    ++out[note.substr(6)];
    if (ids) ids->insert(x.value("id", std::int64_t{0}));
  }
  return out;
}

}  // namespace

TEST(CrashSafety, EveryAcknowledgedContactSurvivesSigkillOnceAndRetriesDoNotDuplicate) {
  const unsigned seed = crash_seed();
  std::cout << "[ crash seed " << seed << " ] (STEGVIS_CRASH_SEED=" << seed << " repeats this run)\n";
  std::mt19937 rng(seed);
  const std::string tag = "s" + std::to_string(seed) + "-" + unique_name("k");

  ServerProcess proc;
  ASSERT_TRUE(proc.start(server().db_url)) << proc.log();
  ApiClient sam(proc.port());
  ASSERT_EQ(sam.login("samordnare.vastra").status, 200);
  constexpr int kThreads = 3;
  std::vector<std::int64_t> enrolments;
  for (int t = 0; t < kThreads; ++t) {
    enrolments.push_back(create_enrolment(sam, programme_id()));
    ASSERT_NE(enrolments.back(), 0);
  }

  // Writers run until the server stops answering; the kill comes 0.3–1.5 s in.
  std::mutex mu;
  std::vector<Write> writes;
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t)
    threads.emplace_back([&, t] {
      ApiClient mine = sam;
      for (int n = 0;; ++n) {
        Write w{enrolments[static_cast<std::size_t>(t)], tag + "-" + std::to_string(t) + "-" + std::to_string(n)};
        auto r = post_with_key(mine, "/api/v1/enrolments/" + std::to_string(w.enrolment) + "/contacts",
                               contact_body(w.key), w.key);
        w.status = r.status;
        if (r.status == 201) w.id = r.body.value("id", std::int64_t{0});
        std::lock_guard<std::mutex> lock(mu);
        writes.push_back(w);
        if (r.status != 201) return;
      }
    });
  const int delay_ms = std::uniform_int_distribution<int>(300, 1500)(rng);
  std::this_thread::sleep_for(std::chrono::milliseconds(delay_ms));
  int status = proc.signal(SIGKILL);
  for (auto& th : threads) th.join();
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) << "the server was not killed: " << status;

  int acknowledged = 0;
  std::vector<Write> uncertain;
  for (const auto& w : writes) {
    if (w.status == 201) {
      ++acknowledged;
    } else {
      EXPECT_EQ(w.status, 0) << "a write was refused, not cut off: " << w.key;
      uncertain.push_back(w);
    }
  }
  std::cout << "[ crash ] killed after " << delay_ms << " ms: " << acknowledged << " acknowledged, "
            << uncertain.size() << " without answer\n";
  EXPECT_GT(acknowledged, 0) << "no write got through before the kill; the test proved nothing";

  if (auto path = stegvis::store::sqlite_path(server().db_url); !path.empty()) {
    EXPECT_EQ(stegvis::store::sqlite_integrity_check(path), "ok");
  }

  ServerProcess again;
  ASSERT_TRUE(again.start(server().db_url)) << again.log();
  ApiClient after(again.port());
  ASSERT_EQ(after.login("samordnare.vastra").status, 200);

  std::map<std::string, int> stored;
  std::set<std::int64_t> stored_ids;
  for (auto e : enrolments)
    for (const auto& [k, n] : stored_keys(after, e, tag, &stored_ids)) stored[k] += n;
  for (const auto& w : writes) {
    if (w.status == 201) {
      EXPECT_EQ(stored[w.key], 1) << "acknowledged write " << w.key << " is stored " << stored[w.key] << " times";
      EXPECT_TRUE(stored_ids.count(w.id)) << "id " << w.id << " of " << w.key << " is gone";
    } else {
      EXPECT_LE(stored[w.key], 1) << w.key;
    }
  }

  // The client retries what it never heard back about, with the same key: one row each, whether
  // the first attempt reached the disk or not; a repeat of an acknowledged write returns its id.
  for (const auto& w : uncertain) {
    auto r = post_with_key(after, "/api/v1/enrolments/" + std::to_string(w.enrolment) + "/contacts",
                           contact_body(w.key), w.key);
    EXPECT_EQ(r.status, 201) << r.text;
  }
  for (const auto& w : writes) {
    if (w.status != 201) continue;
    auto r = post_with_key(after, "/api/v1/enrolments/" + std::to_string(w.enrolment) + "/contacts",
                           contact_body(w.key), w.key);
    EXPECT_EQ(r.status, 201) << r.text;
    EXPECT_EQ(r.body.value("id", std::int64_t{0}), w.id) << w.key;
    break;  // one is enough: the store's lookup is the same for every key
  }
  stored.clear();
  for (auto e : enrolments)
    for (const auto& [k, n] : stored_keys(after, e, tag, nullptr)) stored[k] += n;
  for (const auto& w : writes) EXPECT_EQ(stored[w.key], 1) << w.key;

  std::string out;
  EXPECT_EQ(run_stegvis({"audit", "verify", "--db", server().db_url}, &out), 0) << out;
  EXPECT_EQ(again.signal(SIGTERM), 0) << again.log();
}
