// Storage for governance: bodies and their members, meetings with agendas,
// and minutes kept as versions (a correction after approval is a new version).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/diary.hpp"
#include "domain/governance.hpp"
#include "domain/programme_plan.hpp"

namespace stegvis::store {

// An open action with where it came from, for due work and the next agenda.
struct OpenAction {
  MeetingAction action;
  Id body_id = 0;
  std::string meeting_date;
};

// The annual report's text sections, saved as versions (the latest is shown).
struct AnnualSections {
  int version = 0;
  std::map<std::string, std::string> texts;
  std::string saved_by;  // name
};

class GovernanceStore {
 public:
  virtual ~GovernanceStore() = default;

  virtual std::optional<Body> body(Id id) = 0;
  // The body of a kind for the programme (unit_id empty) or a unit.
  virtual std::optional<Body> find_body(Id programme_id, std::optional<Id> unit_id, BodyKind kind) = 0;
  virtual std::vector<Body> bodies(Id programme_id) = 0;
  virtual Id save_body(const Body& b) = 0;  // insert when id == 0

  virtual std::vector<BodyMember> members(Id body_id) = 0;
  virtual Id add_member(const BodyMember& m) = 0;
  virtual std::optional<BodyMember> member(Id id) = 0;
  virtual void end_member(Id id, const std::string& end_date) = 0;

  // Inserts the meeting with its agenda, attendees and apologies (no minutes).
  virtual Id create_meeting(const Meeting& m, std::optional<Id> by, std::int64_t now) = 0;
  // With its latest minutes, if any.
  virtual std::optional<Meeting> meeting(Id id) = 0;
  // A body's meetings by date (agenda, no minutes text; minutes' version and approval only).
  virtual std::vector<Meeting> meetings(Id body_id) = 0;
  virtual std::vector<Minutes> minutes_history(Id meeting_id) = 0;  // oldest first

  // Stores minutes as version m.version (the caller decides: draft replaced, or a new version).
  virtual void save_minutes(Id meeting_id, const Minutes& m, std::optional<Id> by, std::int64_t now) = 0;
  virtual void approve_minutes(Id meeting_id, int version, const std::string& on, std::optional<Id> by,
                               const std::string& by_name) = 0;

  // Open actions of the latest minutes of each meeting: of a body held before a date, or owned by a user.
  virtual std::vector<OpenAction> open_actions_of_body(Id body_id, const std::string& before) = 0;
  virtual std::vector<OpenAction> open_actions_of_user(Id user_id) = 0;
  virtual std::optional<OpenAction> action(Id id) = 0;
  virtual void close_action(Id id, const std::string& on) = 0;

  // The programme plan's versions with their sections, in no particular order (the caller sorts by version).
  virtual std::vector<PlanVersion> plan_versions(Id programme_id) = 0;
  virtual Id add_plan_version(const PlanVersion& v, std::optional<Id> by, std::int64_t now) = 0;

  // The activity plan, in order of entry.
  virtual std::vector<ActivityItem> activity_items(Id programme_id) = 0;
  virtual std::optional<ActivityItem> activity_item(Id id) = 0;
  virtual Id save_activity_item(const ActivityItem& item, std::int64_t now) = 0;  // insert when id == 0

  // Staff diaries: of a unit, or of every unit of a programme; for one ISO year (0: all), newest first.
  virtual Id add_diary_entry(const DiaryEntry& e) = 0;
  virtual std::vector<DiaryEntry> diary_entries(Id unit_id, int year) = 0;
  virtual std::vector<DiaryEntry> programme_diary_entries(Id programme_id, int year) = 0;

  virtual std::optional<AnnualSections> annual_sections(Id programme_id, int year) = 0;
  virtual void add_annual_sections(Id programme_id, int year, const AnnualSections& s, std::optional<Id> by,
                                   std::int64_t now) = 0;
};

}  // namespace stegvis::store
