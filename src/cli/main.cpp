// stegvis: serve, migrate, demo, user, audit, report. CLI11 lives in this file only (slow header).
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
  int port = 0, idle = 0, threads = 0;
  auto db_flag = [&](CLI::App* sub) { sub->add_option("--db", db, "Database URL: sqlite:PATH or postgresql://user:pw@host:port/db"); };

  auto* serve = app.add_subcommand("serve", "Serve the web UI and the JSON API");
  db_flag(serve);
  serve->add_option("--port", port, "TCP port (default 8080)");
  serve->add_option("--bind", bind, "Address to listen on (default 127.0.0.1)");
  serve->add_option("--key-file", key_file, "Secret key file, outside the database (created if missing)");
  serve->add_option("--web-dir", web_dir, "Folder with templates/, static/ and i18n/");
  serve->add_option("--idle-timeout", idle, "Minutes of inactivity before a session ends (default 30)");
  serve->add_option("--threads", threads, "Worker threads (default 32)");
  ServeOptions so;
  serve->add_flag("--allow-demo-accounts", so.allow_demo_accounts, "Allow the demo accounts on a non-loopback address");

  auto* migrate = app.add_subcommand("migrate", "Apply pending database migrations");
  db_flag(migrate);
  auto* demo = app.add_subcommand("demo", "Load the Sörmland demo data into an empty database");
  db_flag(demo);
  demo->add_option("--key-file", key_file, "Secret key file that seals the demo participants' identities (created if missing)");

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

  BenchDataOptions bo;
  auto* bench_data = app.add_subcommand("bench-data", "Fill an empty database with the generated national benchmark data set");
  db_flag(bench_data);
  bench_data->add_option("--key-file", key_file, "Secret key file that seals the generated identities (created if missing)");
  bench_data->add_option("--scale", bo.scale, "1.0 = 1,000,000 enrolments, 10,000,000 contacts, 5,000 staff")->capture_default_str();
  bench_data->add_option("--seed", bo.seed, "The same seed and scale give the same data")->capture_default_str();
  bench_data->add_option("--tokens-out", bo.tokens_out, "Write the staff's bearer tokens and caseloads here (for bench/load.lua)");
  auto* report = app.add_subcommand("report", "Reports for scheduled runs");
  report->require_subcommand(1);
  ReportOptions ro;
  auto* period = report->add_subcommand("period", "The period report of a programme to a file");
  db_flag(period);
  period->add_option("--programme", ro.programme_id, "Programme id")->required();
  period->add_option("--from", ro.from, "First day, YYYY-MM-DD (included)")->required();
  period->add_option("--to", ro.to, "Last day, YYYY-MM-DD (included)")->required();
  period->add_option("--group-by", ro.group_by, "unit, municipality, track, gender or age_band")->capture_default_str();
  period->add_option("--format", ro.format, "json, csv, xlsx or pdf")
      ->check(CLI::IsMember({"json", "csv", "xlsx", "pdf"}))
      ->capture_default_str();
  period->add_option("--out", ro.out, "File to write")->required();

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

    if (*serve) return run_serve(c, so);
    if (*migrate) return run_migrate(c);
    if (*demo) return run_demo(c);
    if (*verify) return run_audit_verify(c);
    if (*add) return run_user_add(c, uo);
    if (*passwd) return run_user_passwd(c, uo);
    if (*disable) return run_user_disable(c, uo, true);
    if (*enable) return run_user_disable(c, uo, false);
    if (*list) return run_user_list(c);
    if (*bench_data) return run_bench_data(c, bo);
    if (*period) return run_report_period(c, ro);
  } catch (const std::exception& e) {
    std::cerr << "stegvis: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
