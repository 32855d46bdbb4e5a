// SQL for governance: bodies, members, meetings, agenda items and minutes versions.
#pragma once
#include <soci/soci.h>

#include "store/store.hpp"

namespace stegvis::store::sql {

class SqlGovernanceStore final : public GovernanceStore {
 public:
  explicit SqlGovernanceStore(soci::session& s) : sql_(s) {}

  std::optional<Body> body(Id id) override;
  std::optional<Body> find_body(Id programme_id, std::optional<Id> unit_id, BodyKind kind) override;
  std::vector<Body> bodies(Id programme_id) override;
  Id save_body(const Body& b) override;
  std::vector<BodyMember> members(Id body_id) override;
  Id add_member(const BodyMember& m) override;
  std::optional<BodyMember> member(Id id) override;
  void end_member(Id id, const std::string& end_date) override;
  Id create_meeting(const Meeting& m, std::optional<Id> by, std::int64_t now) override;
  std::optional<Meeting> meeting(Id id) override;
  std::vector<Meeting> meetings(Id body_id) override;
  std::vector<Minutes> minutes_history(Id meeting_id) override;
  void save_minutes(Id meeting_id, const Minutes& m, std::optional<Id> by, std::int64_t now) override;
  void approve_minutes(Id meeting_id, int version, const std::string& on, std::optional<Id> by,
                       const std::string& by_name) override;
  std::vector<OpenAction> open_actions_of_body(Id body_id, const std::string& before) override;
  std::vector<OpenAction> open_actions_of_user(Id user_id) override;
  std::optional<OpenAction> action(Id id) override;
  void close_action(Id id, const std::string& on) override;
  std::vector<PlanVersion> plan_versions(Id programme_id) override;
  Id add_plan_version(const PlanVersion& v, std::optional<Id> by, std::int64_t now) override;
  std::vector<ActivityItem> activity_items(Id programme_id) override;
  std::optional<ActivityItem> activity_item(Id id) override;
  Id save_activity_item(const ActivityItem& item, std::int64_t now) override;
  Id add_diary_entry(const DiaryEntry& e) override;
  std::vector<DiaryEntry> diary_entries(Id unit_id, int year) override;
  std::vector<DiaryEntry> programme_diary_entries(Id programme_id, int year) override;
  std::optional<AnnualSections> annual_sections(Id programme_id, int year) override;
  void add_annual_sections(Id programme_id, int year, const AnnualSections& s, std::optional<Id> by,
                           std::int64_t now) override;

 private:
  std::vector<Body> query_bodies(const std::string& where, long long a, long long b);
  std::vector<Meeting> query_meetings(const std::string& where, long long id);
  std::vector<Minutes> load_minutes(Id meeting_id, bool latest_only);
  std::vector<DiaryEntry> query_diary(const std::string& where, long long id, int year);
  std::vector<ActivityItem> query_activities(const std::string& where, long long id);
  std::vector<OpenAction> query_actions(const std::string& where, long long id, const std::string& text);
  soci::session& sql_;
};

}  // namespace stegvis::store::sql
