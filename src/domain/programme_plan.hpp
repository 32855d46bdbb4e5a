// The programme plan (insatsplan) as versions (domain.md §6): the sections'
// texts, version number, decision, by whom and when; the current version is
// the highest. Pure rules: version numbers, validation, and the side-by-side
// line diff of two versions.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis {

// The sections in the order the plan is read.
const std::vector<std::string>& plan_section_codes();  // bakgrund, syfte, mal, malgrupp, organisation, roller, uppfoljning
std::string plan_section_label(std::string_view code);  // "Bakgrund", "Syfte", "Mål", ...

struct PlanVersion {
  Id id = 0;
  Id programme_id = 0;
  std::string version;  // "1.0", "1.1", "2.0"
  std::string decision;  // "Godkänd av styrgruppen"
  std::string decided_by;
  std::string date;  // YYYY-MM-DD
  std::map<std::string, std::string> sections;  // code → text
};

constexpr std::size_t kMaxSectionText = 20000;

// "1", "1.0", "1.10": numbers separated by dots.
bool is_valid_version(std::string_view v);
// Numeric comparison part by part ("1.10" > "1.9", "1.0" == "1"): <0, 0, >0.
int compare_versions(std::string_view a, std::string_view b);
// Every field and section, named in the message; unknown section codes refused.
std::optional<Error> check_plan_version(const PlanVersion& v);

// One row of a side-by-side diff. kind: same, changed (left and right differ), removed, added.
struct DiffRow {
  std::string kind;
  std::string left, right;
};
// Line-level diff (longest common subsequence); a removed run next to an added run pairs up as changed rows.
std::vector<DiffRow> diff_lines(const std::string& from, const std::string& to);

// The semester activity plan: items per semester ("Hösten 2024", "Våren 2025") with a status.
struct ActivityItem {
  Id id = 0;
  Id programme_id = 0;
  std::string semester;
  std::string activity;
  std::string status = "planned";  // planned, ongoing, done, cancelled
  std::string responsible;
  std::string evidence;  // a note or a link
};

bool is_valid_activity_status(std::string_view s);
std::string activity_status_label(std::string_view s);  // "Planerad", "Pågår", "Klar", "Inställd"
// "Våren 2025" ends 2025-06-30, "Hösten 2025" 2025-12-31; empty when not a semester.
std::optional<Date> semester_end(std::string_view semester);
// For ordering: year * 2, plus one for the autumn.
int semester_key(std::string_view semester);
// The semester has passed and the item is neither done nor cancelled.
bool is_overdue(const ActivityItem& item, const Date& today);
std::optional<Error> check_activity_item(const ActivityItem& item);

}  // namespace stegvis
