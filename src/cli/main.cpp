// stegvis: serve, routes, migrate, demo, backup, restore, purge, user, audit, report. CLI11 lives in this file only (slow header).
#include <CLI/CLI.hpp>

#include <iostream>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  using namespace stegvis::cli;
  CLI::App app{"Stegvis – samordnad rehabilitering för samordningsförbund"};
  app.require_subcommand(1);
  std::string config_path = "stegvis.toml";
  app.add_option("--config", config_path, "TOML configuration file")->capture_default_str();

  Config c;
  std::string db, bind, key_file, web_dir;
  int port = 0, idle = 0, threads = 0, retention_years = 0, read_timeout = 0;
  auto db_flag = [&](CLI::App* sub) { sub->add_option("--db", db, "Database URL: sqlite:PATH or postgresql://user:pw@host:port/db"); };

  auto* serve = app.add_subcommand("serve", "Serve the web UI and the JSON API");
  db_flag(serve);
  serve->add_option("--port", port, "TCP port (default 8080)");
  serve->add_option("--bind", bind, "Address to listen on (default 127.0.0.1)");
  serve->add_option("--key-file", key_file, "Secret key file, outside the database (created if missing)");
  serve->add_option("--web-dir", web_dir, "Folder with templates/, static/ and i18n/");
  serve->add_option("--idle-timeout", idle, "Minutes of inactivity before a session ends (default 30)");
  serve->add_option("--threads", threads, "Worker threads (default 32)");
  serve->add_option("--retention-years", retention_years,
                    "Purge identities and free text of enrolments exited more than N years ago, daily (default 5)");
  serve->add_option("--read-timeout", read_timeout, "Seconds a client may send nothing before its request is dropped (default 10)");
  ServeOptions so;
  bool public_catalogue = false;
  serve->add_flag("--public-catalogue", public_catalogue, "Let visitors read the programme catalogue without logging in");
  serve->add_flag("--allow-demo-accounts", so.allow_demo_accounts, "Allow the demo accounts on a non-loopback address");

  auto* routes = app.add_subcommand("routes", "List every route the server answers (method, path, login, kind)");
  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  db_flag(migrate);
  auto* demo = app.add_subcommand("demo", "Load the Sörmland demo data into an empty database");
  db_flag(demo);
  demo->add_option("--key-file", key_file, "Secret key file that seals the demo participants' identities (created if missing)");

  auto* backup = app.add_subcommand("backup", "Online backup of a SQLite database (PostgreSQL: use pg_dump)");
  db_flag(backup);
  BackupOptions bo;
  backup->add_option("--out", bo.out, "The backup file to write (must not exist)")->required();
  backup->add_option("--pages-per-step", bo.pages_per_step, "Pages copied per step (default 256)");
  auto* restore = app.add_subcommand("restore", "Put a SQLite backup back (the server must be stopped)");
  db_flag(restore);
  RestoreOptions ro;
  restore->add_option("--from", ro.from, "The backup file")->required();

  auto* purge = app.add_subcommand("purge", "Retention (gallring): erase identities and free text of old enrolments");
  db_flag(purge);
  purge->add_option("--years", retention_years, "Enrolments exited more than N years ago (default: retention_years, 5)");
  PurgeOptions po;
  purge->add_flag("--dry-run", po.dry_run, "Only count what would be erased");

  auto* audit = app.add_subcommand("audit", "Audit log tools");
  audit->require_subcommand(1);
  auto* verify = audit->add_subcommand("verify", "Check the hash chain of the audit log");
  db_flag(verify);

  auto* user = app.add_subcommand("user", "Manage user accounts");
  user->require_subcommand(1);
  UserOptions uo;
  auto* add = user->add_subcommand("add", "Add a user (password from --password or one line on standard input)");
  db_flag(add);
  add->add_option("--username", uo.username)->required();
  add->add_option("--name", uo.name)->required();
  add->add_option("--role", uo.role, "administrator, samordnare, coach, koordinator, ...")->required();
  add->add_option("--unit", uo.unit_id, "Unit id, for unit-scoped roles");
  add->add_option("--fte", uo.fte_pct, "FTE % in the role");
  add->add_option("--password", uo.password);
  auto* passwd = user->add_subcommand("passwd", "Set a user's password (from --password or standard input)");
  db_flag(passwd);
  passwd->add_option("--username", uo.username)->required();
  passwd->add_option("--password", uo.password);
  auto* disable = user->add_subcommand("disable", "Disable a user and end their sessions");
  db_flag(disable);
  disable->add_option("--username", uo.username)->required();
  auto* enable = user->add_subcommand("enable", "Enable a disabled user");
  db_flag(enable);
  enable->add_option("--username", uo.username)->required();
  auto* list = user->add_subcommand("list", "List users");
  db_flag(list);

  BenchDataOptions bdo;
  auto* bench_data = app.add_subcommand("bench-data", "Fill an empty database with the generated national benchmark data set");
  db_flag(bench_data);
  bench_data->add_option("--key-file", key_file, "Secret key file that seals the generated identities (created if missing)");
  bench_data->add_option("--scale", bdo.scale, "1.0 = 1,000,000 enrolments, 10,000,000 contacts, 5,000 staff")->capture_default_str();
  bench_data->add_option("--seed", bdo.seed, "The same seed and scale give the same data")->capture_default_str();
  bench_data->add_option("--tokens-out", bdo.tokens_out, "Write the staff's bearer tokens and caseloads here (for bench/load.lua)");
  auto* report = app.add_subcommand("report", "Reports for scheduled runs");
  report->require_subcommand(1);
  ReportOptions rpo;
  auto* period = report->add_subcommand("period", "The period report of a programme to a file");
  db_flag(period);
  period->add_option("--programme", rpo.programme_id, "Programme id")->required();
  period->add_option("--from", rpo.from, "First day, YYYY-MM-DD (included)")->required();
  period->add_option("--to", rpo.to, "Last day, YYYY-MM-DD (included)")->required();
  period->add_option("--group-by", rpo.group_by, "unit, municipality, track, gender or age_band")->capture_default_str();
  period->add_option("--format", rpo.format, "json, csv, xlsx or pdf")
      ->check(CLI::IsMember({"json", "csv", "xlsx", "pdf"}))
      ->capture_default_str();
  period->add_option("--out", rpo.out, "File to write")->required();

  CLI11_PARSE(app, argc, argv);
  try {
    c = load_config(config_path);
    if (!db.empty()) c.db = db;
    if (!bind.empty()) c.bind = bind;
    if (!key_file.empty()) c.key_file = key_file;
    if (!web_dir.empty()) c.web_dir = web_dir;
    if (port) c.port = port;
    if (idle) c.idle_timeout_minutes = idle;
    if (threads) c.threads = threads;
    if (retention_years) c.retention_years = retention_years;
    if (read_timeout > 0) c.read_timeout_s = read_timeout;
    if (public_catalogue) c.public_catalogue = true;

    if (*serve) return run_serve(c, so);
    if (*routes) return run_routes(c);
    if (*migrate) return run_migrate(c);
    if (*backup) return run_backup(c, bo);
    if (*restore) return run_restore(c, ro);
    if (*purge) return run_purge(c, po);
    if (*demo) return run_demo(c);
    if (*verify) return run_audit_verify(c);
    if (*add) return run_user_add(c, uo);
    if (*passwd) return run_user_passwd(c, uo);
    if (*disable) return run_user_disable(c, uo, true);
    if (*enable) return run_user_disable(c, uo, false);
    if (*list) return run_user_list(c);
    if (*bench_data) return run_bench_data(c, bdo);
    if (*period) return run_report_period(c, rpo);
  } catch (const std::exception& e) {
    std::cerr << "stegvis: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
