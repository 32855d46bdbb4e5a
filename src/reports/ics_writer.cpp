#include "reports/ics_writer.hpp"

#include <cstdio>
#include <utility>

namespace stegvis::reports {
namespace {

std::string compact_date(const std::string& d) { return d.substr(0, 4) + d.substr(5, 2) + d.substr(8, 2); }

// Local end time of a meeting that may pass midnight: date and HHMMSS.
std::pair<std::string, std::string> end_of(const std::string& date, const std::string& time, int minutes) {
  int total = std::stoi(time.substr(0, 2)) * 60 + std::stoi(time.substr(3, 2)) + minutes;
  int days = total / (24 * 60);
  total %= 24 * 60;
  char hhmm[16];
  std::snprintf(hhmm, sizeof hhmm, "%02d%02d00", total / 60, total % 60);
  if (days == 0) return {compact_date(date), hhmm};
  // Meetings are at most 10 hours: only the next day is possible; the calendar arithmetic stays with the caller's date.
  int y = std::stoi(date.substr(0, 4)), m = std::stoi(date.substr(5, 2)), d = std::stoi(date.substr(8, 2)) + days;
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int month_len = len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
  if (d > month_len) {
    d = 1;
    if (++m > 12) { m = 1; ++y; }
  }
  char ymd[24];
  std::snprintf(ymd, sizeof ymd, "%04d%02d%02d", y, m, d);
  return {ymd, hhmm};
}

}  // namespace

std::string ics_escape(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c == '\\' || c == ';' || c == ',') {
      out += '\\';
      out += c;
    } else if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') ++i;
      out += "\\n";
    } else if (c == '\n') {
      out += "\\n";
    } else if (static_cast<unsigned char>(c) < 0x20 && c != '\t') {
      // other control characters are not allowed in TEXT: dropped
    } else {
      out += c;
    }
  }
  return out;
}

std::string ics_fold(std::string_view line) {
  std::string out;
  std::size_t limit = 75;  // octets on the first line; 74 after the leading space of a continuation
  while (line.size() > limit) {
    std::size_t cut = limit;
    while (cut > 0 && (static_cast<unsigned char>(line[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
    out.append(line.substr(0, cut));
    out += "\r\n ";
    line.remove_prefix(cut);
    limit = 74;
  }
  out.append(line);
  out += "\r\n";
  return out;
}

std::string render_ics(const std::string& calendar_name, const std::vector<CalendarEvent>& events,
                       const std::string& stamp) {
  std::string out;
  auto line = [&out](const std::string& l) { out += ics_fold(l); };
  line("BEGIN:VCALENDAR");
  line("VERSION:2.0");
  line("PRODID:-//Stegvis//Styrning//SV");
  line("CALSCALE:GREGORIAN");
  line("X-WR-CALNAME:" + ics_escape(calendar_name));
  for (const auto& e : events) {
    line("BEGIN:VEVENT");
    line("UID:" + ics_escape(e.uid));
    line("DTSTAMP:" + stamp);
    if (e.time.empty()) {
      line("DTSTART;VALUE=DATE:" + compact_date(e.date));
    } else {
      std::string start = e.time.substr(0, 2) + e.time.substr(3, 2) + "00";
      auto [end_date, end_time] = end_of(e.date, e.time, e.duration_minutes);
      line("DTSTART;TZID=Europe/Stockholm:" + compact_date(e.date) + "T" + start);
      line("DTEND;TZID=Europe/Stockholm:" + end_date + "T" + end_time);
    }
    line("SUMMARY:" + ics_escape(e.summary));
    if (!e.location.empty()) line("LOCATION:" + ics_escape(e.location));
    if (!e.description.empty()) line("DESCRIPTION:" + ics_escape(e.description));
    if (!e.url.empty()) line("URL:" + e.url);
    line("END:VEVENT");
  }
  line("END:VCALENDAR");
  return out;
}

}  // namespace stegvis::reports
