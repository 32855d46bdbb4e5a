// stegvis_questionnaire_bench: the questionnaire part of issue #9 "Performance".
//  1. 1 000 answer submissions at once on loopback against the real server
//     (the product's routes and HTTP adapter, in this process): time and errors;
//  2. the results of a round with 100 000 responses (QuestionnaireService::results:
//     access check, tallies, suppression, comparison), median of 9, beside the
//     same figures counted from the raw answers with GROUP BY for reference.
// Prints figures; fails only when a step fails, never on a timing.
//   stegvis_questionnaire_bench <database url: sqlite:PATH or postgresql://…, an empty database>
#include <soci/postgresql/soci-postgresql.h>
#include <soci/soci.h>
#include <soci/sqlite3/soci-sqlite3.h>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <functional>
#include <iostream>
#include <thread>
#include <vector>

#include "app/questionnaire_import.hpp"
#include "app/services.hpp"
#include "crypto/crypto.hpp"
#include "http/app_server.hpp"
#include "http/server.hpp"

namespace {

using namespace stegvis;
using Clock = std::chrono::steady_clock;
double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

constexpr int kConcurrent = 1000, kResponses = 100'000;

double median_ms(int runs, const std::function<void()>& f) {
  std::vector<double> t;
  for (int i = 0; i < runs; ++i) {
    auto start = Clock::now();
    f();
    t.push_back(ms_since(start));
  }
  std::sort(t.begin(), t.end());
  return t[t.size() / 2];
}

int free_port() {
  int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  socklen_t len = sizeof a;
  ::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
  ::close(fd);
  return ntohs(a.sin_port);
}

soci::session raw_session(const std::string& url) {
  if (url.rfind("sqlite:", 0) == 0) return soci::session(soci::sqlite3, url.substr(7));
  return soci::session(soci::postgresql, store::postgresql_keywords(url));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: stegvis_questionnaire_bench <empty database url>\n";
    return 2;
  }
  crypto::init();
  const std::string url = argv[1];
  auto db = store::open_database(url, 16);
  db->migrate();
  if (!db->is_empty()) {
    std::cerr << "the database is not empty\n";
    return 2;
  }
  db->set_field_key(std::string(32, 'k'));
  app::Services services(app::Env{*db, app::system_now, {}});
  app::Actor lead = app::system_actor("questionnaire-bench");
  lead.roles = {{Role::insatsansvarig, {}, {}, 100}};
  Id programme = 0, unit = 0;
  {
    auto tx = db->begin(true);
    auto& o = tx->organisation();
    Programme p;
    p.association_id = o.save_association({0, "Benchförbundet", ""});
    p.name = "Benchinsatsen";
    p.start_date = "2020-01-01";
    p.end_date = "2035-12-31";
    programme = o.save_programme(p);
    unit = o.save_unit({0, programme, "Enhet 1", std::nullopt, {}});
    tx->commit();
  }
  auto q = services.questionnaires.create(lead, app::shipped_draft("insatspersonal.json"));
  if (!q) return 1;
  const std::string today = app::today_string(services.env);
  auto round = services.questionnaires.create_round(lead, q->id, {programme, unit, today, today, kConcurrent});
  if (!round) {
    std::cerr << round.error().message << "\n";
    return 1;
  }

  // ---- 1. concurrent answers against the real server ----
  http::PageRenderer pages(STEGVIS_BENCH_WEB_DIR);
  http::Dispatcher dispatcher(services, pages, {});
  http::build_routes(dispatcher, services, pages, {});
  http::ServerConfig config;
  config.port = free_port();
  config.threads = 64;
  std::mutex m;
  std::condition_variable cv;
  bool listening = false, failed = false;
  std::thread server([&] {
    std::string error;
    if (!http::serve(config, dispatcher, [&] { std::lock_guard l(m); listening = true; cv.notify_all(); }, &error)) {
      std::cerr << error << "\n";
      std::lock_guard l(m);
      failed = true;
      cv.notify_all();
    }
  });
  {
    std::unique_lock l(m);
    cv.wait(l, [&] { return listening || failed; });
  }
  if (failed) {
    server.join();
    return 1;
  }
  const std::string body =
      R"({"answers": {"parter_bidrar": 4, "ratt_kontakt": 3, "informationsutbyte": 4, "gemensam_bild": 5, "mandat": 3,
          "hinder_lyfts": 4, "helhet": 8, "forbattra": "Fler gemensamma möten"}})";
  std::atomic<int> ok{0}, errors{0}, ready{0};
  std::atomic<bool> go{false};
  std::vector<std::thread> clients;
  for (int i = 0; i < kConcurrent; ++i)
    clients.emplace_back([&, i] {
      httplib::Client c("127.0.0.1", config.port);
      c.set_connection_timeout(60);
      c.set_read_timeout(60);
      ++ready;
      while (!go) std::this_thread::yield();
      auto r = c.Post("/api/v1/answers/" + round->tokens[static_cast<std::size_t>(i)], body, "application/json");
      (r && r->status == 201 ? ok : errors)++;
    });
  while (ready < kConcurrent) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  auto start = Clock::now();
  go = true;
  for (auto& t : clients) t.join();
  const double answers_ms = ms_since(start);
  http::stop_server();
  server.join();
  auto check = services.questionnaires.results(lead, q->id, round->id);
  const bool consistent = check && check->results.responses == ok.load();
  if (!check) return 1;

  // ---- 2. results of a round with 100 000 responses ----
  auto big = services.questionnaires.create_round(lead, q->id, {programme, unit, today, today, 1});
  if (!big) return 1;
  auto fill = Clock::now();
  {
    auto s = raw_session(url);
    long long r = big->id, v = check->round.round.version_id, n = kResponses;
    s << "INSERT INTO survey_response (round_id, answered_on) WITH RECURSIVE seq(i) AS (SELECT 1 UNION ALL "
         "SELECT i + 1 FROM seq WHERE i < :n) SELECT :r, :d FROM seq",
        soci::use(n), soci::use(r), soci::use(today);
    s << "INSERT INTO survey_answer (response_id, round_id, item_key, value) SELECT s.id, s.round_id, i.item_key, "
         "i.min_value + (s.id * 7919 + i.position * 104729 + (s.id / 7) * i.position) % (i.max_value - i.min_value + 1) "
         "FROM survey_response s JOIN questionnaire_item i ON i.version_id = :v AND i.kind <> 'text' "
         "WHERE s.round_id = :r",
        soci::use(v), soci::use(r);
    s << "INSERT INTO survey_tally (round_id, item_key, value, answers) SELECT round_id, item_key, value, COUNT(*) "
         "FROM survey_answer WHERE round_id = :r GROUP BY round_id, item_key, value",
        soci::use(r);
    if (db->backend() == "postgresql")
      for (const char* table : {"survey_response", "survey_answer", "survey_tally"}) s << "ANALYZE " + std::string(table);
  }
  const double fill_ms = ms_since(fill);
  std::int64_t responses = 0;
  const double results_ms = median_ms(9, [&] {
    auto r = services.questionnaires.results(lead, q->id, big->id);
    if (!r) throw std::runtime_error(r.error().message);
    responses = r->results.responses;
  });
  const double raw_ms = median_ms(9, [&] {
    auto s = raw_session(url);
    long long r = big->id, rows = 0;
    soci::rowset<soci::row> rs = (s.prepare << "SELECT item_key, value, COUNT(*) FROM survey_answer WHERE round_id = :r "
                                               "GROUP BY item_key, value", soci::use(r));
    for (auto it = rs.begin(); it != rs.end(); ++it) ++rows;
  });

  std::printf("questionnaire bench on %s\n", db->backend().c_str());
  std::printf("  %d concurrent answers on loopback: %8.1f ms, %d ok, %d errors%s\n", kConcurrent, answers_ms, ok.load(),
              errors.load(), consistent ? "" : " (RESULTS DISAGREE)");
  std::printf("  filled a round with %d responses in %.0f ms\n", kResponses, fill_ms);
  std::printf("  results of that round (median of 9):  %8.1f ms (goal < 300), %lld responses\n", results_ms,
              static_cast<long long>(responses));
  std::printf("  the same counted from raw answers:    %8.1f ms (GROUP BY, for reference)\n", raw_ms);
  std::printf("result: answers_ms=%.1f answer_errors=%d results_ms=%.1f raw_ms=%.1f\n", answers_ms, errors.load(),
              results_ms, raw_ms);
  return errors.load() == 0 && consistent && responses == kResponses ? 0 : 1;
}
