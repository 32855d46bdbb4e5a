// Governance (domain.md §6): the programme's bodies (steering group per
// programme, collaboration team and staff meeting per unit), their meetings
// with agendas of standing items, and minutes with decisions and actions.
// Pure rules: recurrence, the standing items, what makes minutes valid.
#pragma once
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/organisation.hpp"
#include "domain/participant.hpp"
#include "domain/result.hpp"

namespace stegvis {

enum class BodyKind { styrgrupp, samverkansteam, personalmote };
std::string_view to_code(BodyKind k);
std::optional<BodyKind> body_kind_from_code(std::string_view code);
std::string body_kind_label(BodyKind k);  // "Styrgrupp", "Samverkansteam", "Personalmöte"
// The collaboration team and the staff meeting belong to one unit; the steering group to the programme.
bool is_unit_body(BodyKind k);

struct Body {
  Id id = 0;
  Id programme_id = 0;
  std::optional<Id> unit_id;
  BodyKind kind = BodyKind::styrgrupp;
  std::string name;
  int interval_days = 0;  // 0: no recurrence
  int duration_minutes = 120;
  std::string place;
};

// A member sits for a party and need not have a login (user_id empty).
struct BodyMember {
  Id id = 0;
  Id body_id = 0;
  std::optional<Id> party_id;
  std::string name;
  std::optional<Id> user_id;
  std::string start_date, end_date;  // end "" while a member
};

// Standing items carry a code the meeting page fills with figures; free items have none.
struct AgendaItem {
  std::string text;
  std::string standing;  // new_participants, flow, process, open_actions, volumes, staffing, activity_plan, other
};

struct MeetingAction {
  Id id = 0;
  Id meeting_id = 0;
  std::string text;
  std::string owner;                  // the owner's name as written (a member need not have a login)
  std::optional<Id> owner_user_id;    // when the owner was given as a username
  std::string due;                    // YYYY-MM-DD
  std::string done_on;                // "" while open
};

struct Minutes {
  int version = 0;
  std::string text;
  std::vector<std::string> decisions;
  std::vector<MeetingAction> actions;
  std::string approved_on;  // "" while a draft; approved minutes are locked
  std::string approved_by;  // name
  bool approved() const { return !approved_on.empty(); }
};

struct Meeting {
  Id id = 0;
  Id body_id = 0;
  std::string date;  // YYYY-MM-DD
  std::string time;  // HH:MM or ""
  int duration_minutes = 120;
  std::string place;  // a room or a link
  std::vector<AgendaItem> agenda;
  std::vector<std::string> attendees, apologies;
  std::optional<Minutes> minutes;  // the latest version
};

// Limits, said in the messages.
constexpr std::size_t kMaxAgendaItems = 40;
constexpr std::size_t kMaxItemText = 500;
constexpr std::size_t kMaxMinutesText = 20000;
constexpr std::size_t kMaxListItems = 60;
constexpr std::size_t kMaxPlace = 300;

// The standing items of a body kind, in order, before any item of the meeting's own.
std::vector<AgendaItem> standing_items(BodyKind k);
// Standing items first, then the given texts (a text equal to a standing item's is not repeated).
std::vector<AgendaItem> build_agenda(BodyKind k, const std::vector<std::string>& items);

// Dates of a recurring series from first, every interval_days, within [from, until].
std::vector<Date> occurrences(const Date& first, int interval_days, const Date& from, const Date& until);
// The first occurrence on or after day; first itself when interval_days is 0 and day <= first.
std::optional<Date> next_occurrence(const Date& first, int interval_days, const Date& day);

// "HH:MM" 00:00..23:59, or empty when not required.
bool is_valid_time(std::string_view s);

// A new meeting: date not before today, time, place, agenda and attendees within limits.
std::optional<Error> check_new_meeting(const Meeting& m, const Date& today);
// Minutes: text and decisions within limits; every action with text, owner and a due date.
std::optional<Error> check_minutes(const Minutes& m);

constexpr std::size_t kMaxMemberName = 200;
// A member: a name (1–200 characters), a start date, an end date not before the start (or none).
std::optional<Error> check_member(const BodyMember& m);
// Ending a membership on a day: not already ended, not before it started.
std::optional<Error> check_member_end(const BodyMember& m, std::string_view end_date);

// Whether a participant's consents cover every party of the team (so the team may see who it is).
bool consent_covers(const std::vector<Consent>& consents, const std::vector<Id>& team_parties);

}  // namespace stegvis
