#include "cli/commands.hpp"

#include <pthread.h>
#include <spdlog/spdlog.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <csignal>
#include <ctime>
#include <fstream>
#include <iostream>
#include <mutex>
#include <thread>

#include "app/audit.hpp"
#include "app/demo.hpp"
#include "app/services.hpp"
#include "crypto/crypto.hpp"
#include "http/app_server.hpp"
#include "http/api_routes.hpp"
#include "http/report_json.hpp"
#include "http/server.hpp"
#include "store/sqlite_file.hpp"
#include "store/store.hpp"

namespace stegvis::cli {
namespace {

std::unique_ptr<store::Database> open_migrated(const Config& c, int pool = 4) {
  crypto::init();
  auto db = store::open_database(c.db, pool);
  db->migrate();
  return db;
}

app::Env make_env(store::Database& db, const Config& c) {
  app::Settings s;
  s.idle_timeout_minutes = c.idle_timeout_minutes;
  s.retention_years = c.retention_years;
  s.public_catalogue = c.public_catalogue;
  s.lasting_effect_months = c.lasting_effect_months;
  return app::Env{db, app::system_now, s};
}

bool is_loopback(const std::string& bind) {
  return bind == "localhost" || bind == "::1" || bind.rfind("127.", 0) == 0;
}

std::string read_password(const UserOptions& o) {
  if (!o.password.empty()) return o.password;
  std::string line;
  std::getline(std::cin, line);
  return line;
}

int fail(const Error& e) {
  std::cerr << "stegvis: " << e.message << (e.field.empty() ? "" : " (" + e.field + ")") << "\n";
  return 1;
}

// Retention (gallring) once a day while the server runs, at 02:30 local time. It used to run a
// minute after each start: at national scale a purge with nothing to erase still reads every
// identity (about half a minute in short write transactions), which then landed on the working
// day's first requests. Idempotent, so several servers on one PostgreSQL may each run it.
class RetentionJob {
 public:
  explicit RetentionJob(app::Services& services) : services_(services), thread_([this] { loop(); }) {}
  ~RetentionJob() {
    {
      std::lock_guard<std::mutex> lock(mu_);
      stop_ = true;
    }
    cv_.notify_all();
    thread_.join();
  }

 private:
  // The next 02:30 in the server's local time zone.
  static std::chrono::system_clock::time_point next_night() {
    std::time_t now = std::time(nullptr);
    std::tm local{};
    localtime_r(&now, &local);
    std::tm at = local;
    at.tm_hour = 2;
    at.tm_min = 30;
    at.tm_sec = 0;
    at.tm_isdst = -1;
    std::time_t t = std::mktime(&at);
    if (t <= now) {
      at.tm_mday += 1;  // mktime normalises the day and the daylight-saving change
      at.tm_isdst = -1;
      t = std::mktime(&at);
    }
    return std::chrono::system_clock::from_time_t(t);
  }

  void loop() {
    std::unique_lock<std::mutex> lock(mu_);
    while (!cv_.wait_until(lock, next_night(), [this] { return stop_.load(); })) {
      lock.unlock();
      try {
        // A stop (SIGTERM) ends a long purge between its transactions instead of waiting for all of it.
        auto r = services_.retention.purge(app::system_actor("gallring"), services_.env.settings.retention_years, false,
                                           &stop_);
        if (r) spdlog::info("{} (utskrivna före {})", app::describe(r->counts), r->cutoff);
        else spdlog::error("gallring: {}", r.error().message);
      } catch (const std::exception& e) {
        spdlog::error("gallring failed: {}", e.what());
      }
      lock.lock();
    }
  }
  app::Services& services_;
  std::mutex mu_;
  std::condition_variable cv_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

}  // namespace

int run_serve(const Config& c, const ServeOptions& o) {
  // Block the stop signals in every thread; one thread waits for them and stops the server.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::signal(SIGPIPE, SIG_IGN);

  // Held while serving (and migrating): `stegvis restore` refuses to replace a file a server has open.
  store::FileLock in_use;
  if (auto path = store::sqlite_path(c.db); !path.empty() && !in_use.try_lock(path, false)) {
    std::cerr << "stegvis: " << path << " is being restored (stegvis restore); start the server when it is done.\n";
    return 2;
  }
  auto db = open_migrated(c, std::max(4, c.threads / 2));
  db->set_field_key(crypto::load_or_create_key(c.key_file));
  app::Services services(make_env(*db, c));

  if (!is_loopback(c.bind) && !o.allow_demo_accounts) {
    auto tx = db->begin(false);
    for (const auto& name : app::demo_usernames()) {
      auto cred = tx->staff().credentials(name);
      if (cred && !cred->disabled && crypto::verify_password(cred->password_hash, app::kDemoPassword)) {
        std::cerr << "stegvis: the demo account '" << name << "' is active on a non-loopback address (" << c.bind
                  << "). Disable it, change its password, or pass --allow-demo-accounts.\n";
        return 2;
      }
    }
  }

  http::PageRenderer pages(c.web_dir);
  http::DispatchConfig dc{c.secure_cookies};
  http::Dispatcher dispatcher(services, pages, dc);
  http::build_routes(dispatcher, services, pages, dc);

  std::thread waiter([signals] {
    int sig = 0;
    sigwait(&signals, &sig);
    spdlog::info("signal {}: finishing requests in flight and stopping", sig);
    http::stop_server();
  });
  http::ServerConfig sc;
  sc.bind = c.bind;
  sc.port = c.port;
  sc.threads = c.threads;
  sc.read_timeout_s = c.read_timeout_s;
  sc.request_timeout_s = 3 * c.read_timeout_s;
  std::string error;
  auto retention = std::make_unique<RetentionJob>(services);
  bool ok = http::serve(sc, dispatcher, [&] {
    spdlog::info("Stegvis serves http://{}:{}/ ({} database)", c.bind, c.port, db->backend());
  }, &error);
  if (!ok) {
    spdlog::error("{}", error);
    pthread_kill(waiter.native_handle(), SIGTERM);
    waiter.join();
    return 1;
  }
  waiter.join();
  // Every request in flight has been answered (the server's thread pool is drained); now close the database.
  retention.reset();
  db.reset();
  spdlog::info("stopped; the database is closed");
  return 0;
}

int run_routes(const Config& c) {
  // The routes need services to bind to, never their data: an empty in-memory database will do.
  auto db = store::open_database("sqlite::memory:", 1);
  app::Services services(make_env(*db, c));
  http::PageRenderer pages(c.web_dir);
  http::DispatchConfig dc{c.secure_cookies};
  http::Dispatcher dispatcher(services, pages, dc);
  http::build_routes(dispatcher, services, pages, dc);
  for (const auto& r : dispatcher.router().routes()) {
    std::string path;
    for (const auto& s : r.segments) path += "/" + s;
    std::cout << r.method << ' ' << (path.empty() ? "/" : path) << ' '
              << (r.auth == http::Auth::none ? "public" : r.auth == http::Auth::optional ? "optional" : "session") << ' ' << (r.is_api ? "api" : "page") << '\n';
  }
  return 0;
}

int run_migrate(const Config& c) {
  auto db = open_migrated(c, 1);
  std::cout << "schema version " << db->schema_version() << " (" << db->backend() << ")\n";
  return 0;
}

int run_demo(const Config& c) {
  auto db = open_migrated(c, 2);
  db->set_field_key(crypto::load_or_create_key(c.key_file));
  app::Env env = make_env(*db, c);
  auto r = app::load_demo(env);
  if (!r) return fail(r.error());
  std::cout << "demo data loaded; log in as admin, samordnare.vastra, coach.katrineholm, ... with password "
            << app::kDemoPassword << "\n";
  return 0;
}

int run_audit_verify(const Config& c) {
  auto db = open_migrated(c, 1);
  auto check = app::verify_audit_chain(*db);
  if (check.ok) {
    std::cout << "audit log ok: " << check.entries << " entries, chain intact\n";
    return 0;
  }
  std::cout << "audit log BROKEN at entry " << check.first_bad_id.value_or(0) << ": " << check.problem << "\n";
  return 3;
}

int run_user_add(const Config& c, const UserOptions& o) {
  auto db = open_migrated(c, 2);
  app::Env env = make_env(*db, c);
  app::StaffService staff(env);
  auto role = role_from_code(o.role);
  if (!role) return fail(invalid("role", "unknown role " + o.role));
  Staff s;
  s.username = o.username;
  s.name = o.name;
  s.roles.push_back({*role, o.unit_id ? std::optional<Id>(o.unit_id) : std::nullopt, std::nullopt, o.fte_pct});
  auto r = staff.create(app::system_actor("cli"), s, read_password(o));
  if (!r) return fail(r.error());
  std::cout << "user " << o.username << " added (id " << *r << ")\n";
  return 0;
}

namespace {
Result<Id> user_id(store::Database& db, const std::string& username) {
  auto tx = db.begin(false);
  auto cred = tx->staff().credentials(username);
  if (!cred) return not_found("no user " + username);
  return cred->user_id;
}
}  // namespace

int run_user_passwd(const Config& c, const UserOptions& o) {
  auto db = open_migrated(c, 2);
  app::Env env = make_env(*db, c);
  auto id = user_id(*db, o.username);
  if (!id) return fail(id.error());
  auto r = app::StaffService(env).set_password(app::system_actor("cli"), *id, read_password(o));
  if (!r) return fail(r.error());
  std::cout << "password changed for " << o.username << "\n";
  return 0;
}

int run_user_disable(const Config& c, const UserOptions& o, bool disable) {
  auto db = open_migrated(c, 2);
  app::Env env = make_env(*db, c);
  auto id = user_id(*db, o.username);
  if (!id) return fail(id.error());
  auto r = app::StaffService(env).set_disabled(app::system_actor("cli"), *id, disable);
  if (!r) return fail(r.error());
  std::cout << o.username << (disable ? " disabled\n" : " enabled\n");
  return 0;
}

int run_user_list(const Config& c) {
  auto db = open_migrated(c, 2);
  app::Env env = make_env(*db, c);
  auto r = app::StaffService(env).list(app::system_actor("cli"), std::nullopt);
  if (!r) return fail(r.error());
  for (const auto& s : *r) {
    std::cout << s.username << "\t" << s.name << "\t";
    for (const auto& a : s.roles) std::cout << to_code(a.role) << (a.fte_pct > 0 ? " " + std::to_string(static_cast<int>(a.fte_pct)) + "%" : "") << " ";
    std::cout << (s.disabled ? "\t(avstängd)" : "") << "\n";
  }
  return 0;
}

}  // namespace stegvis::cli

namespace stegvis::cli {

int run_report_period(const Config& c, const ReportOptions& o) {
  auto db = open_migrated(c, 2);
  app::Env env = make_env(*db, c);
  app::Services services(env);
  app::PeriodReportRequest req;
  req.programme_id = o.programme_id;
  req.from = o.from;
  req.to = o.to;
  req.group_by = o.group_by;
  req.format = o.format;
  req.to_file = true;
  auto r = services.reports.period_report(app::system_actor("cli"), req);
  if (!r) return fail(r.error());
  std::string body;
  if (o.format == "json") {
    body = http::period_report_json(*r).dump(2) + "\n";
  } else {
    body = http::render_file(*r, o.format);
  }
  std::ofstream out(o.out, std::ios::binary);
  out << body;
  if (!out) return fail(invalid("out", "Kunde inte skriva " + o.out + "."));
  std::cout << "wrote " << o.out << " (" << body.size() << " bytes)\n";
  return 0;
}

}  // namespace stegvis::cli
