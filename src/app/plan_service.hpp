// Use cases of the programme plan (versions, diff, PDF) and the semester
// activity plan. Both are the programme's own documents, readable by everyone
// with a role; the förbundschef and the insatsansvarig change them.
#pragma once
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/programme_plan.hpp"
#include "domain/result.hpp"

namespace stegvis::app {

struct SectionDiff {
  std::string code, label;
  std::vector<DiffRow> rows;
  bool changed = false;
};

struct PlanDiff {
  PlanVersion from, to;
  std::vector<SectionDiff> sections;
};

struct ActivityRow {
  ActivityItem item;
  bool overdue = false;
};

bool may_manage_plan(const Actor& a);

class PlanService {
 public:
  explicit PlanService(Env& env) : env_(env) {}

  // Oldest first; the last is current.
  Result<std::vector<PlanVersion>> versions(const Actor& actor, Id programme_id);
  // 409 when the version is not higher than the current one.
  Result<Id> add_version(const Actor& actor, const PlanVersion& v);
  Result<PlanDiff> diff(const Actor& actor, Id programme_id, const std::string& from, const std::string& to);
  Result<std::string> version_pdf(const Actor& actor, Id programme_id, const std::string& version);

  // By semester, then order of entry, each with its overdue flag as of today.
  Result<std::vector<ActivityRow>> activity_plan(const Actor& actor, Id programme_id);
  Result<ActivityItem> activity(const Actor& actor, Id item_id);
  Result<Id> add_activity(const Actor& actor, const ActivityItem& item);
  Status update_activity(const Actor& actor, const ActivityItem& item);

 private:
  Env& env_;
};

}  // namespace stegvis::app
