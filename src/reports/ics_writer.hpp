// An iCalendar (RFC 5545) feed of meetings, written by hand: the few lines a
// calendar needs, with TEXT escaping and 75-octet line folding. Pure.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace stegvis::reports {

struct CalendarEvent {
  std::string uid;       // stable across feeds, e.g. "meeting-12@stegvis"
  std::string date;      // YYYY-MM-DD
  std::string time;      // HH:MM local time, or "" for an all-day event
  int duration_minutes = 120;
  std::string summary, location, description, url;
};

// Backslash, semicolon, comma and newlines escaped as RFC 5545 §3.3.11 asks.
std::string ics_escape(std::string_view text);
// One content line folded at 75 octets (never inside a UTF-8 sequence), each part ending in CRLF.
std::string ics_fold(std::string_view line);
// The whole VCALENDAR; stamp is the DTSTAMP in UTC ("20250101T120000Z"). Times are Europe/Stockholm.
std::string render_ics(const std::string& calendar_name, const std::vector<CalendarEvent>& events,
                       const std::string& stamp);

}  // namespace stegvis::reports
