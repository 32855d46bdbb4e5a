// SQL for targets, the small-cell setting and the facts of a period report.
#pragma once
#include <soci/soci.h>

#include "store/report_store.hpp"

namespace stegvis::store::sql {

class SqlReportStore final : public ReportStore {
 public:
  explicit SqlReportStore(soci::session& s) : sql_(s) {}
  std::vector<Target> targets(Id programme_id) override;
  std::optional<Target> target(Id id) override;
  Id save_target(const Target& t, std::int64_t now) override;
  void delete_target(Id id) override;
  bool suppress_small_cells(Id programme_id) override;
  void set_suppress_small_cells(Id programme_id, bool on) override;
  std::vector<EnrolmentFacts> facts(Id programme_id, const std::string& from, const std::string& to) override;

 private:
  std::vector<Target> load_targets(soci::rowset<soci::row>& rs);
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
