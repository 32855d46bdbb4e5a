// The report as CSV for Swedish Excel: UTF-8 with a byte-order mark (else
// Excel guesses Windows-1252 and å/ä/ö break), ';' between fields (the comma is
// the decimal sign), RFC 4180 quoting and CRLF line ends. Each table is its
// title line, its headings, its rows and a blank line.
#include <string>
#include <vector>

#include "reports/evaluation_table.hpp"
#include "reports/swedish_format.hpp"
#include "reports/writers.hpp"

namespace stegvis::reports {
namespace {

// A text that a spreadsheet would run as a formula gets a leading apostrophe
// (OWASP's CSV-injection advice); the apostrophe shows, the formula does not run.
std::string defuse(const std::string& text) {
  if (text.empty()) return text;
  switch (text[0]) {
    case '=':
    case '+':
    case '-':
    case '@':
    case '\t':
    case '\r': return "'" + text;
    default: return text;
  }
}

std::string quote(const std::string& field) {
  if (field.find_first_of(";\"\r\n") == std::string::npos) return field;
  std::string out = "\"";
  for (char c : field) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

void line(std::string& out, const std::vector<std::string>& fields) {
  for (std::size_t i = 0; i < fields.size(); ++i) out += (i ? ";" : "") + quote(fields[i]);
  out += "\r\n";
}

std::string field_of(const TableCell& cell) {
  // Numbers without a thousands separator: Excel reads "1234,5" as a number.
  if (cell.kind == TableCell::Kind::text) return defuse(cell.text);
  return cell_text_sv(cell, false);
}

void table_lines(std::string& out, const ReportTable& table) {
  std::vector<std::string> headings;
  for (const auto& h : table.headings) headings.push_back(defuse(h));
  line(out, headings);
  for (const auto& row : table.rows) {
    std::vector<std::string> fields;
    for (const auto& cell : row) fields.push_back(field_of(cell));
    line(out, fields);
  }
}

}  // namespace

std::string table_to_csv(const ReportTable& table) {
  std::string out = "\xEF\xBB\xBF";
  table_lines(out, table);
  return out;
}

std::string to_csv(const ReportDocument& doc) {
  std::string out = "\xEF\xBB\xBF";
  line(out, {defuse(doc.title)});
  if (!doc.subtitle.empty()) line(out, {defuse(doc.subtitle)});
  out += "\r\n";
  for (const auto& table : doc.tables) {
    line(out, {defuse(table.title)});
    table_lines(out, table);
    if (!table.note.empty()) line(out, {defuse(table.note)});
    out += "\r\n";
  }
  for (const auto& note : doc.notes) line(out, {defuse(note)});
  return out;
}

}  // namespace stegvis::reports
