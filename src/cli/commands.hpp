// The subcommands of stegvis. Each returns the process exit code.
#pragma once
#include <string>

#include "cli/config.hpp"

namespace stegvis::cli {

struct ServeOptions {
  bool allow_demo_accounts = false;
};

int run_serve(const Config& c, const ServeOptions& o);
// Prints the route table, one "METHOD /path/{param} public|session api|page" a line.
int run_routes(const Config& c);
int run_migrate(const Config& c);
int run_demo(const Config& c);
int run_audit_verify(const Config& c);

struct UserOptions {
  std::string username;
  std::string name;
  std::string role;
  std::string password;  // empty: read one line from standard input
  long long unit_id = 0;
  double fte_pct = 0;
};
int run_user_add(const Config& c, const UserOptions& o);
int run_user_passwd(const Config& c, const UserOptions& o);
int run_user_disable(const Config& c, const UserOptions& o, bool disable);
int run_user_list(const Config& c);

struct BenchDataOptions {
  double scale = 1.0;
  long long seed = 1;
  std::string tokens_out;
};
// Fills an empty database with the generated national data set (bench/generator).
int run_bench_data(const Config& c, const BenchDataOptions& o);
struct ReportOptions {
  long long programme_id = 0;
  std::string from, to;
  std::string group_by = "unit";
  std::string format = "json";  // json, csv, xlsx, pdf
  std::string out;              // file to write
};
// stegvis report period: the period report to a file, suppressed and audited as the command line.
int run_report_period(const Config& c, const ReportOptions& o);
struct BackupOptions {
  std::string out;
  int pages_per_step = 256;
};
struct RestoreOptions {
  std::string from;
};
// In backup_commands.cpp.
int run_backup(const Config& c, const BackupOptions& o);
int run_restore(const Config& c, const RestoreOptions& o);

struct PurgeOptions {
  bool dry_run = false;
};
// Retention (gallring) once, now; serve also runs it daily. In purge_command.cpp.
int run_purge(const Config& c, const PurgeOptions& o);
// Retention once, now, as the operator: `stegvis purge` and the end of `stegvis bench-data`.
// The message is the reason when it fails.
struct PurgeOutcome {
  bool ok = false;
  std::string message;  // "gallring: … — enrolments exited before …" or the error
};
PurgeOutcome purge_now(const Config& c, bool dry_run);

}  // namespace stegvis::cli
