// Staff diaries (veckodagböcker, issue #8): short weekly entries with themes,
// for the unit's staff and, when marked, the annual report. They must hold no
// identifiers: what looks like a personal number is refused, and names of
// participants the writer works with are warned about. Pure.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/date.hpp"
#include "domain/organisation.hpp"
#include "domain/result.hpp"

namespace stegvis {

struct DiaryEntry {
  Id id = 0;
  Id unit_id = 0;
  Id author_id = 0;
  std::string author_name;
  std::string week;  // ISO week "2025-W07"
  std::string text;
  std::vector<std::string> themes;  // deltagarberattelse, samverkan, hinder, framgang
  bool for_annual_report = false;
  std::int64_t created_at = 0;
};

constexpr std::size_t kMaxDiaryText = 4000;

const std::vector<std::string>& diary_themes();
std::string diary_theme_label(std::string_view code);  // "Deltagarberättelse", "Samverkan", "Hinder", "Framgång"
// "YYYY-Www" with a week that exists in that ISO year (W53 only in long years).
bool is_valid_iso_week(std::string_view week);
// The ISO year of a week string ("2025-W01" → 2025).
int iso_week_year(std::string_view week);

// A run of digits shaped like a Swedish personal or coordination number
// (YYMMDD-NNNN, YYYYMMDDNNNN, with '-', '+' or nothing between) whose date
// part is a real date. The check digit is not required: a mistyped number
// still identifies. Returns the match as written.
std::optional<std::string> find_personal_number(std::string_view text);

// Week, text (1–4000 characters, no personal number), at least one theme, each known, none twice.
std::optional<Error> check_diary_entry(const DiaryEntry& e);

// The names (first names, last names, or both) of the given people that occur in
// the text as whole words, ignoring case; each reported once, as the text wrote it.
std::vector<std::string> names_in_text(std::string_view text, const std::vector<std::string>& names);

}  // namespace stegvis
