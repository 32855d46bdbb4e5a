// Use cases of governance (issue #8): meetings of a programme's bodies with
// agendas of standing items, minutes with decisions and actions, approval and
// corrections as new versions, the PDF and the calendar feed. Steering-group
// meetings are for the förbundschef, insatsansvarig and styrgrupp (figures as
// aggregates, small cells suppressed); a unit's meetings for the unit's staff.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "app/actor.hpp"
#include "app/env.hpp"
#include "domain/governance.hpp"
#include "domain/result.hpp"
#include "store/governance_store.hpp"

namespace stegvis::app {

struct MeetingInput {
  std::string body;  // styrgrupp, samverkansteam, personalmote
  std::optional<Id> unit_id;
  std::string date, time, place;
  int duration_minutes = 0;  // 0: the body's usual length
  std::vector<std::string> agenda, attendees, apologies;
};

struct MinutesInput {
  std::string text;
  std::vector<std::string> decisions;
  struct Action {
    std::string text, owner, due;
  };
  std::vector<Action> actions;
};

// A participant new since the last meeting: a name only when the consent covers every party of the team.
struct NewParticipant {
  Id enrolment_id = 0;
  std::string label;
  bool named = false;
  std::string start_date;
};

// A count that may be hidden: value -1 with suppressed when 1–4 outside the unit, and
// withheld as well when it is hidden only so that a small one cannot be worked out from a
// total shown elsewhere (shown as "..").
struct Cell {
  int value = 0;
  bool suppressed = false;
  bool withheld = false;
};
std::string cell_text(const Cell& c);  // "<5", ".." or the number

struct VolumeRow {
  std::string unit, track;
  Cell active, started, exited;
};

struct MeetingView {
  Body body;
  std::string programme, unit;  // names
  Meeting meeting;
  std::vector<BodyMember> members;
  std::optional<std::string> previous_date;  // the body's meeting before this one
  std::optional<std::string> next_date;      // planned by the recurrence after this one
  std::vector<store::OpenAction> open_actions;  // from earlier meetings
  std::vector<NewParticipant> new_participants;  // collaboration team only
  Cell inflow, outflow;                          // since the previous meeting (or 30 days)
  std::vector<VolumeRow> volumes;                // steering group: per unit and track
  bool may_edit = false;                         // manages the body and the minutes are not approved
  bool may_manage = false;
};

struct MeetingCreated {
  Id id = 0;
  std::vector<AgendaItem> agenda;
};

struct BodyMeetings {
  Body body;
  std::vector<Meeting> meetings;
  std::optional<std::string> next_date;  // by the recurrence from the last meeting
};

// Who sits in a body: for a party, with or without a login; from start to end.
struct MemberInput {
  std::string name;      // may be empty when a username is given: the user's name is taken
  std::string username;  // optional: a member with a login reads the body's meetings
  std::string party;     // optional: a party's id or exact name
  std::string start;     // default today
};

struct MemberView {
  BodyMember member;
  std::string party;     // the party's name
  std::string username;  // "" without a login
  bool active = false;   // not ended by today
};

struct BodyMembers {
  Body body;
  std::vector<MemberView> members;  // current first
  bool may_manage = false;
};

class GovernanceService {
 public:
  explicit GovernanceService(Env& env) : env_(env) {}

  Result<MeetingCreated> create_meeting(const Actor& actor, Id programme_id, const MeetingInput& in);
  Result<MeetingView> meeting(const Actor& actor, Id meeting_id);
  // The bodies of a programme the actor may read, with their meetings.
  Result<std::vector<BodyMeetings>> bodies(const Actor& actor, Id programme_id);
  // Writes the draft (version 1 or the current correction); 409 once approved.
  Status save_minutes(const Actor& actor, Id meeting_id, const MinutesInput& in);
  // Starts a correction of approved minutes: a new draft version with the same content.
  Result<int> correct_minutes(const Actor& actor, Id meeting_id);
  Status approve_minutes(const Actor& actor, Id meeting_id);
  Result<std::vector<Minutes>> minutes_history(const Actor& actor, Id meeting_id);
  Status close_action(const Actor& actor, Id action_id);
  // The agenda and minutes as PDF.
  Result<std::string> meeting_pdf(const Actor& actor, Id meeting_id);
  // The iCalendar feed of one body's meetings.
  Result<std::string> calendar(const Actor& actor, Id programme_id, const std::string& body, std::optional<Id> unit_id);
  // A body's members, current and former (for those who read the body).
  Result<BodyMembers> members(const Actor& actor, Id body_id);
  // For those who manage the body; audited.
  Result<Id> add_member(const Actor& actor, Id body_id, const MemberInput& in);
  Status end_member(const Actor& actor, Id member_id, const std::string& date);
  // The actor's own open actions, for the due work.
  std::vector<store::OpenAction> my_actions(const Actor& actor);

 private:
  Env& env_;
};

bool may_read_body(const Actor& a, const Body& b, const std::vector<BodyMember>& members);
bool may_manage_body(const Actor& a, const Body& b);

}  // namespace stegvis::app
