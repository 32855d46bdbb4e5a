// The report as an Excel workbook (libxlsxwriter): a sheet "Om rapporten" with
// the title, the period and the notes, then one sheet per table with bold
// headings in a frozen row, numbers as numbers and percentages as numbers with
// a percent format, so that the reader can compute on them. Every text goes in
// with worksheet_write_string: a programme name starting with "=" stays text.
// libxlsxwriter 1.1.4 writes only to a file: a private temporary directory,
// read back and removed.
#include <xlsxwriter.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <string>
#include <vector>

#include "reports/evaluation_table.hpp"
#include "reports/swedish_format.hpp"
#include "reports/writers.hpp"

namespace stegvis::reports {
namespace {

constexpr const char* kAboutSheet = "Om rapporten";
constexpr std::size_t kMaxSheetChars = 31;
constexpr std::size_t kMaxCellChars = 32767;  // Excel's limit for one cell

std::size_t utf8_length(const std::string& s) {
  return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (c & 0xC0) != 0x80; }));
}

// The first n characters (code points), never splitting one.
std::string utf8_prefix(const std::string& s, std::size_t n) {
  std::size_t chars = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if ((s[i] & 0xC0) != 0x80 && chars++ == n) return s.substr(0, i);
  }
  return s;
}

std::string trim(std::string s) {
  while (!s.empty() && (s.front() == '\'' || s.front() == ' ')) s.erase(0, 1);
  while (!s.empty() && (s.back() == '\'' || s.back() == ' ')) s.pop_back();
  return s;
}

std::string fold_ascii_case(std::string s) {
  for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

// Excel forbids []:*?/\ in sheet names, an apostrophe at either end, more than
// 31 characters and two names that differ only in case.
class SheetNames {
 public:
  SheetNames() { used_.insert(fold_ascii_case(kAboutSheet)); }

  std::string make(const std::string& wanted, std::size_t index) {
    std::string base;
    for (char c : wanted) base += std::string("[]:*?/\\").find(c) == std::string::npos ? c : '-';
    base = trim(base);
    if (base.empty()) base = "Tabell " + std::to_string(index);
    std::string name = trim(utf8_prefix(base, kMaxSheetChars));
    for (int n = 2; used_.count(fold_ascii_case(name)); ++n) {
      std::string suffix = " (" + std::to_string(n) + ")";
      name = trim(utf8_prefix(base, kMaxSheetChars - suffix.size())) + suffix;
    }
    used_.insert(fold_ascii_case(name));
    return name;
  }

 private:
  std::set<std::string> used_;
};

class TempDir {
 public:
  TempDir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "stegvis-xlsx-XXXXXX").string();
    if (!mkdtemp(pattern.data())) throw std::runtime_error("xlsx: kan inte skapa en temporär katalog");
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct Formats {
  lxw_format* title;
  lxw_format* bold;
  lxw_format* heading;
  lxw_format* heading_right;
  lxw_format* whole;
  lxw_format* decimal;
  lxw_format* percent;
  lxw_format* suppressed;
  lxw_format* wrap;
  lxw_format* muted;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.title = workbook_add_format(wb);
  format_set_bold(f.title);
  format_set_font_size(f.title, 14);
  f.bold = workbook_add_format(wb);
  format_set_bold(f.bold);
  f.heading = workbook_add_format(wb);
  format_set_bold(f.heading);
  format_set_bottom(f.heading, LXW_BORDER_THIN);
  f.heading_right = workbook_add_format(wb);
  format_set_bold(f.heading_right);
  format_set_bottom(f.heading_right, LXW_BORDER_THIN);
  format_set_align(f.heading_right, LXW_ALIGN_RIGHT);
  f.whole = workbook_add_format(wb);
  format_set_num_format(f.whole, "#,##0");
  f.decimal = workbook_add_format(wb);
  format_set_num_format(f.decimal, "#,##0.0");
  f.percent = workbook_add_format(wb);
  format_set_num_format(f.percent, "0.0%");
  f.suppressed = workbook_add_format(wb);
  format_set_align(f.suppressed, LXW_ALIGN_RIGHT);
  f.wrap = workbook_add_format(wb);
  format_set_text_wrap(f.wrap);
  format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
  f.muted = workbook_add_format(wb);
  format_set_italic(f.muted);
  return f;
}

void check(lxw_error err, const char* what) {
  if (err != LXW_NO_ERROR) throw std::runtime_error(std::string("xlsx: ") + what + ": " + lxw_strerror(err));
}

void put_text(lxw_worksheet* ws, lxw_row_t row, lxw_col_t col, const std::string& text, lxw_format* format) {
  if (text.empty()) return;
  check(worksheet_write_string(ws, row, col, utf8_prefix(text, kMaxCellChars).c_str(), format), "text");
}

void write_about(lxw_worksheet* ws, const ReportDocument& doc, const Formats& f,
                 const std::vector<std::string>& sheets) {
  worksheet_set_column(ws, 0, 0, 28, nullptr);
  worksheet_set_column(ws, 1, 1, 90, f.wrap);
  lxw_row_t r = 0;
  put_text(ws, r++, 0, doc.title, f.title);
  put_text(ws, r++, 0, doc.subtitle, nullptr);
  ++r;
  put_text(ws, r, 0, "Blad", f.bold);
  put_text(ws, r++, 1, "Innehåll", f.bold);
  for (std::size_t i = 0; i < doc.tables.size(); ++i) {
    put_text(ws, r, 0, sheets[i], nullptr);
    put_text(ws, r++, 1, doc.tables[i].title, nullptr);
  }
  if (doc.notes.empty()) return;
  ++r;
  put_text(ws, r++, 0, "Anmärkningar", f.bold);
  for (const auto& note : doc.notes) put_text(ws, r++, 1, note, f.wrap);
}

void write_cell(lxw_worksheet* ws, lxw_row_t r, lxw_col_t c, const TableCell& cell, const Formats& f) {
  switch (cell.kind) {
    case TableCell::Kind::number: {
      bool whole = std::fabs(cell.value - std::round(cell.value)) < 1e-9;
      check(worksheet_write_number(ws, r, c, cell.value, whole ? f.whole : f.decimal), "tal");
      return;
    }
    case TableCell::Kind::percent:
      check(worksheet_write_number(ws, r, c, cell.value / 100.0, f.percent), "procent");
      return;
    case TableCell::Kind::suppressed: put_text(ws, r, c, cell_text_sv(cell, false), f.suppressed); return;
    case TableCell::Kind::text: put_text(ws, r, c, cell.text, nullptr); return;
    case TableCell::Kind::empty: return;
  }
}

// Title in row 1, headings in row 2 (frozen), the rows below, the note last;
// without the title the headings are the first row (a plain data sheet).
void write_table(lxw_worksheet* ws, const ReportTable& t, const Formats& f, bool with_title) {
  std::size_t columns = t.headings.size();
  for (const auto& row : t.rows) columns = std::max(columns, row.size());
  std::vector<std::size_t> widths(columns, 0);
  std::vector<bool> numeric(columns, false);
  for (const auto& row : t.rows)
    for (std::size_t c = 0; c < row.size(); ++c) {
      widths[c] = std::max(widths[c], utf8_length(cell_text_sv(row[c], true)));
      if (is_numeric(row[c])) numeric[c] = true;
    }
  lxw_row_t head = with_title ? 1 : 0;
  if (with_title) put_text(ws, 0, 0, t.title, f.title);
  for (std::size_t c = 0; c < t.headings.size(); ++c) {
    widths[c] = std::max(widths[c], utf8_length(t.headings[c]) + 1);  // bold is wider
    put_text(ws, head, static_cast<lxw_col_t>(c), t.headings[c], numeric[c] ? f.heading_right : f.heading);
  }
  for (std::size_t c = 0; c < columns; ++c) {
    double width = std::clamp(static_cast<double>(widths[c]) + 2, 10.0, 60.0);
    worksheet_set_column(ws, static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
  }
  worksheet_freeze_panes(ws, head + 1, 0);
  lxw_row_t r = head + 1;
  for (const auto& row : t.rows) {
    for (std::size_t c = 0; c < row.size(); ++c) write_cell(ws, r, static_cast<lxw_col_t>(c), row[c], f);
    ++r;
  }
  if (!t.note.empty()) put_text(ws, r + 1, 0, t.note, f.muted);
}

std::string read_all(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error("xlsx: kan inte läsa den skrivna filen");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  return bytes.str();
}

// Creates the workbook in a private temporary directory, lets fill() add the
// sheets, closes it and returns the file's bytes.
template <typename Fill>
std::string build_workbook(const std::string& title, Fill fill) {
  TempDir dir;
  auto file = dir.path() / "rapport.xlsx";
  lxw_workbook_options options{};
  std::string tmp = dir.path().string();
  options.tmpdir = tmp.data();
  lxw_workbook* wb = workbook_new_opt(file.c_str(), &options);
  if (!wb) throw std::runtime_error("xlsx: kan inte skapa arbetsboken");
  lxw_doc_properties props{};
  std::string title_copy = title, author = "Stegvis";
  props.title = title_copy.data();
  props.author = author.data();
  workbook_set_properties(wb, &props);
  try {
    fill(wb, make_formats(wb));
  } catch (...) {
    workbook_close(wb);  // frees the workbook; the directory goes with TempDir
    throw;
  }
  check(workbook_close(wb), "spara");
  return read_all(file);
}

lxw_worksheet* add_sheet(lxw_workbook* wb, const std::string& name) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, name.c_str());
  if (!ws) throw std::runtime_error("xlsx: ogiltigt bladnamn " + name);
  return ws;
}

}  // namespace

std::string table_to_xlsx(const ReportTable& table) {
  std::string sheet = SheetNames().make(table.sheet.empty() ? table.title : table.sheet, 1);
  return build_workbook(table.title, [&](lxw_workbook* wb, const Formats& f) {
    write_table(add_sheet(wb, sheet), table, f, false);
  });
}

std::string to_xlsx(const ReportDocument& doc) {
  SheetNames names;
  std::vector<std::string> sheets;
  for (std::size_t i = 0; i < doc.tables.size(); ++i)
    sheets.push_back(names.make(doc.tables[i].sheet.empty() ? doc.tables[i].title : doc.tables[i].sheet, i + 1));
  return build_workbook(doc.title, [&](lxw_workbook* wb, const Formats& f) {
    write_about(add_sheet(wb, kAboutSheet), doc, f, sheets);
    for (std::size_t i = 0; i < doc.tables.size(); ++i) write_table(add_sheet(wb, sheets[i]), doc.tables[i], f, true);
  });
}

}  // namespace stegvis::reports
