// A meeting's agenda and minutes as PDF (A4, pango): the body, when and
// where, members, the agenda with the figures filled in, attendees and
// apologies, and the minutes with decisions, actions and approval. Pure.
#pragma once
#include <string>
#include <vector>

#include "domain/governance.hpp"

namespace stegvis::reports {

struct MeetingDocument {
  std::string title, programme, unit;
  Meeting meeting;  // with its minutes, if any
  std::vector<BodyMember> members;
  std::vector<std::string> open_actions;      // one line each
  std::vector<std::string> new_participants;  // labels as the team may see them
  std::string flow;                           // "Inflöde 3, utflöde 1 sedan ..."
  std::vector<std::vector<std::string>> volumes;  // unit, track, active, started, exited
  std::vector<std::vector<std::string>> staffing;  // unit, FTE % registered, planned, capacity, active
  std::string activity_status;                     // "Hösten 2025: Klar 3 · Pågår 1 ..."
  std::string printed_on;
};

std::string render_meeting_pdf(const MeetingDocument& d);

}  // namespace stegvis::reports
