#include "domain/programme_plan.hpp"

#include <algorithm>

#include "domain/validation.hpp"

namespace stegvis {
namespace {

constexpr std::size_t kMaxDiffCells = 4'000'000;  // 16 MB of table at most

std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    std::string line = s.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    out.push_back(std::move(line));
    start = end + 1;
  }
  return out;
}

std::vector<long> parts(std::string_view v) {
  std::vector<long> out;
  long n = 0;
  for (char c : v) {
    if (c == '.') {
      out.push_back(n);
      n = 0;
    } else {
      n = n * 10 + (c - '0');
    }
  }
  out.push_back(n);
  while (out.size() > 1 && out.back() == 0) out.pop_back();  // "1.0" equals "1"
  return out;
}

}  // namespace

const std::vector<std::string>& plan_section_codes() {
  static const std::vector<std::string> codes{"bakgrund", "syfte", "mal", "malgrupp",
                                              "organisation", "roller", "uppfoljning"};
  return codes;
}

std::string plan_section_label(std::string_view code) {
  if (code == "bakgrund") return "Bakgrund";
  if (code == "syfte") return "Syfte";
  if (code == "mal") return "Mål";
  if (code == "malgrupp") return "Målgrupp";
  if (code == "organisation") return "Organisation";
  if (code == "roller") return "Roller";
  if (code == "uppfoljning") return "Uppföljning";
  return std::string(code);
}

bool is_valid_version(std::string_view v) {
  if (v.empty() || v.size() > 20 || v.front() == '.' || v.back() == '.') return false;
  for (std::size_t i = 0; i < v.size(); ++i) {
    if (v[i] == '.' && v[i - 1] == '.') return false;
    if (v[i] != '.' && (v[i] < '0' || v[i] > '9')) return false;
  }
  return true;
}

int compare_versions(std::string_view a, std::string_view b) {
  auto x = parts(a), y = parts(b);
  for (std::size_t i = 0; i < std::max(x.size(), y.size()); ++i) {
    long l = i < x.size() ? x[i] : 0, r = i < y.size() ? y[i] : 0;
    if (l != r) return l < r ? -1 : 1;
  }
  return 0;
}

std::optional<Error> check_plan_version(const PlanVersion& v) {
  if (!is_valid_version(v.version))
    return invalid("version", "Versionen skrivs med siffror och punkter, till exempel 1.2.");
  if (auto e = check_text("decision", v.decision, 200)) return e;
  if (auto e = check_text("decided_by", v.decided_by, 200)) return e;
  if (auto e = check_date("date", v.date)) return e;
  for (const auto& [code, text] : v.sections) {
    const auto& codes = plan_section_codes();
    if (std::find(codes.begin(), codes.end(), code) == codes.end())
      return invalid("sections", "Okänt avsnitt \"" + code + "\"; avsnitten är bakgrund, syfte, mal, malgrupp, "
                                 "organisation, roller och uppfoljning.");
    if (auto e = check_text("sections." + code, text, kMaxSectionText, false)) return e;
  }
  return std::nullopt;
}

std::vector<DiffRow> diff_lines(const std::string& from, const std::string& to) {
  auto a = split_lines(from), b = split_lines(to);
  const std::size_t n = a.size(), m = b.size();
  std::vector<DiffRow> out;
  if (n * m > kMaxDiffCells) {  // beyond what a plan holds: compared line by line, without alignment
    for (std::size_t k = 0; k < std::max(n, m); ++k) {
      std::string l = k < n ? a[k] : "", r = k < m ? b[k] : "";
      out.push_back({k >= n ? "added" : k >= m ? "removed" : l == r ? "same" : "changed", l, r});
    }
    return out;
  }
  // lcs[i][j]: length of the longest common subsequence of a[i..] and b[j..].
  std::vector<std::vector<int>> lcs(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = n; i-- > 0;)
    for (std::size_t j = m; j-- > 0;)
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
  std::vector<std::string> removed, added;
  auto flush = [&] {
    std::size_t k = 0;
    for (; k < std::min(removed.size(), added.size()); ++k) out.push_back({"changed", removed[k], added[k]});
    for (std::size_t r = k; r < removed.size(); ++r) out.push_back({"removed", removed[r], ""});
    for (std::size_t r = k; r < added.size(); ++r) out.push_back({"added", "", added[r]});
    removed.clear();
    added.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] == b[j]) {
      flush();
      out.push_back({"same", a[i], b[j]});
      ++i;
      ++j;
    } else if (j < m && (i == n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      added.push_back(b[j++]);
    } else {
      removed.push_back(a[i++]);
    }
  }
  flush();
  return out;
}

bool is_valid_activity_status(std::string_view s) {
  return s == "planned" || s == "ongoing" || s == "done" || s == "cancelled";
}

std::string activity_status_label(std::string_view s) {
  if (s == "planned") return "Planerad";
  if (s == "ongoing") return "Pågår";
  if (s == "done") return "Klar";
  if (s == "cancelled") return "Inställd";
  return std::string(s);
}

namespace {
// The season and the year of "Våren 2025" / "Hösten 2025"; year 0 when not a semester.
std::pair<bool, int> parse_semester(std::string_view s) {
  bool autumn = false;
  if (s.rfind("Våren ", 0) == 0) s.remove_prefix(std::string_view("Våren ").size());
  else if (s.rfind("Hösten ", 0) == 0) { s.remove_prefix(std::string_view("Hösten ").size()); autumn = true; }
  else return {false, 0};
  if (s.size() != 4) return {false, 0};
  int year = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return {false, 0};
    year = year * 10 + (c - '0');
  }
  return {autumn, year < 2000 ? 0 : year};
}
}  // namespace

std::optional<Date> semester_end(std::string_view semester) {
  auto [autumn, year] = parse_semester(semester);
  if (year == 0) return std::nullopt;
  return autumn ? Date{year, 12, 31} : Date{year, 6, 30};
}

int semester_key(std::string_view semester) {
  auto [autumn, year] = parse_semester(semester);
  return year * 2 + (autumn ? 1 : 0);
}

bool is_overdue(const ActivityItem& item, const Date& today) {
  if (item.status == "done" || item.status == "cancelled") return false;
  auto end = semester_end(item.semester);
  return end && today > *end;
}

std::optional<Error> check_activity_item(const ActivityItem& item) {
  if (!semester_end(item.semester))
    return invalid("semester", "Terminen skrivs \"Våren ÅÅÅÅ\" eller \"Hösten ÅÅÅÅ\", till exempel Hösten 2024.");
  if (auto e = check_text("activity", item.activity, 500)) return e;
  if (!is_valid_activity_status(item.status))
    return invalid("status", "Status ska vara planned, ongoing, done eller cancelled.");
  if (auto e = check_text("responsible", item.responsible, 200, false)) return e;
  if (auto e = check_text("evidence", item.evidence, 2000, false)) return e;
  return std::nullopt;
}

}  // namespace stegvis
