#include "domain/diary.hpp"

#include <algorithm>
#include <set>

#include "domain/validation.hpp"

namespace stegvis {
namespace {

bool digit(char c) { return c >= '0' && c <= '9'; }

int days_in_month(int y, int m) {
  static const int len[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return len[m - 1] + (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0) ? 1 : 0);
}

// Month and day (a coordination number adds 60 to the day) make a real date.
bool real_date(int year, int month, int day) {
  if (day > 60) day -= 60;
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

int number(std::string_view s) {
  int n = 0;
  for (char c : s) n = n * 10 + (c - '0');
  return n;
}

// ISO 8601: a year has 53 weeks when 1 January is a Thursday, or a Wednesday in a leap year.
bool long_iso_year(int y) {
  auto weekday_jan1 = [](int year) {  // 0 = Monday
    Date d{year, 1, 1};
    return ((day_number(d) % 7) + 7 + 3) % 7;  // day 0 (1970-01-01) was a Thursday
  };
  int w = weekday_jan1(y);
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return w == 3 || (leap && w == 2);
}

// Lower-case for ASCII and the Swedish letters, enough to compare names.
std::string fold(std::string_view s) {
  std::string out(s);
  for (auto& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  for (auto [upper, lower] : {std::pair{"Å", "å"}, std::pair{"Ä", "ä"}, std::pair{"Ö", "ö"}, std::pair{"É", "é"}}) {
    for (auto p = out.find(upper); p != std::string::npos; p = out.find(upper, p)) out.replace(p, 2, lower);
  }
  return out;
}

bool word_char(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || digit(c) || c >= 0x80; }

}  // namespace

const std::vector<std::string>& diary_themes() {
  static const std::vector<std::string> t{"deltagarberattelse", "samverkan", "hinder", "framgang"};
  return t;
}

std::string diary_theme_label(std::string_view code) {
  if (code == "deltagarberattelse") return "Deltagarberättelse";
  if (code == "samverkan") return "Samverkan";
  if (code == "hinder") return "Hinder";
  if (code == "framgang") return "Framgång";
  return std::string(code);
}

bool is_valid_iso_week(std::string_view w) {
  if (w.size() != 8 || w[4] != '-' || w[5] != 'W') return false;
  for (int i : {0, 1, 2, 3, 6, 7})
    if (!digit(w[i])) return false;
  int year = number(w.substr(0, 4)), week = number(w.substr(6, 2));
  if (year < 2000 || week < 1) return false;
  return week <= (long_iso_year(year) ? 53 : 52);
}

int iso_week_year(std::string_view week) { return number(week.substr(0, 4)); }

std::optional<std::string> find_personal_number(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (!digit(text[i]) || (i > 0 && digit(text[i - 1]))) continue;
    std::size_t j = i;
    while (j < text.size() && digit(text[j])) ++j;
    std::size_t run = j - i;
    std::string_view date;
    int century_year = 0;
    std::size_t end = 0;
    auto four_digits_after = [&](std::size_t sep) {
      if (sep + 5 > text.size() || (text[sep] != '-' && text[sep] != '+' && text[sep] != ' ')) return false;
      for (std::size_t k = sep + 1; k < sep + 5; ++k)
        if (!digit(text[k])) return false;
      return sep + 5 == text.size() || !digit(text[sep + 5]);
    };
    if ((run == 6 || run == 8) && four_digits_after(j)) {
      date = text.substr(i, run);
      end = j + 5;
    } else if (run == 10 || run == 12) {
      date = text.substr(i, run - 4);
      end = j;
    } else {
      i = j;
      continue;
    }
    if (date.size() == 8) {
      century_year = number(date.substr(0, 4));
      date.remove_prefix(2);
    } else {
      century_year = 2000 + number(date.substr(0, 2));  // any century: only month and day must be real
    }
    if (real_date(century_year, number(date.substr(2, 2)), number(date.substr(4, 2))))
      return std::string(text.substr(i, end - i));
    i = j;
  }
  return std::nullopt;
}

std::optional<Error> check_diary_entry(const DiaryEntry& e) {
  if (!is_valid_iso_week(e.week)) return invalid("week", "Veckan skrivs ÅÅÅÅ-Vnn, till exempel 2025-W07.");
  if (auto err = check_text("text", e.text, kMaxDiaryText)) return err;
  if (auto pn = find_personal_number(e.text))
    return invalid("text", "Texten innehåller något som liknar ett personnummer (" + *pn +
                               "). Dagboken får inte innehålla personnummer; ta bort det.");
  if (e.themes.empty()) return invalid("themes", "Välj minst ett tema.");
  std::set<std::string> seen;
  for (const auto& t : e.themes) {
    const auto& all = diary_themes();
    if (std::find(all.begin(), all.end(), t) == all.end())
      return invalid("themes", "Okänt tema \"" + t + "\"; teman är deltagarberattelse, samverkan, hinder och framgang.");
    if (!seen.insert(t).second) return invalid("themes", "Temat " + t + " står två gånger.");
  }
  return std::nullopt;
}

std::vector<std::string> names_in_text(std::string_view text, const std::vector<std::string>& names) {
  std::set<std::string> wanted;
  for (const auto& n : names) {
    // Each part of a name on its own, split as the text is: "Anna Lind" is found as "Anna" and as
    // "Lind", and "Anna-Karin" as "Anna" and "Karin" (the text's words never hold a hyphen).
    std::size_t start = 0;
    while (start < n.size()) {
      while (start < n.size() && !word_char(static_cast<unsigned char>(n[start]))) ++start;
      std::size_t end = start;
      while (end < n.size() && word_char(static_cast<unsigned char>(n[end]))) ++end;
      std::string part = fold(n.substr(start, end - start));
      if (part.size() >= 2) wanted.insert(part);
      start = end;
    }
  }
  std::vector<std::string> out;
  std::set<std::string> reported;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && !word_char(static_cast<unsigned char>(text[i]))) ++i;
    std::size_t j = i;
    while (j < text.size() && word_char(static_cast<unsigned char>(text[j]))) ++j;
    if (j > i) {
      std::string word(text.substr(i, j - i));
      std::string key = fold(word);
      if (wanted.count(key) && reported.insert(key).second) out.push_back(word);
    }
    i = j;
  }
  return out;
}

}  // namespace stegvis
