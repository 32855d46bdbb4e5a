// A report fixture with what breaks writers (å/ä/ö, millions, decimals,
// percentages, suppressed cells, a would-be formula, a quote and a ';', long and
// clashing sheet names, a table longer than a page, a chart with a gap and a
// reference line) and the real readers the tests judge by: LibreOffice for the
// .xlsx, pdftotext for the .pdf, an RFC 4180 parser for the .csv.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

#include "reports/report_table.hpp"

namespace stegvis::test {

reports::ReportDocument sample_report();

// A private temporary directory, removed with the object.
struct ScratchDir {
  ScratchDir();
  ~ScratchDir();
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  std::filesystem::path path;
};

void write_file(const std::filesystem::path& p, const std::string& bytes);
std::string read_file(const std::filesystem::path& p);
// Runs a shell command; its exit status (stdout and stderr to the given log file).
int run(const std::string& command, const std::filesystem::path& log);
bool have_program(const std::string& name);

// RFC 4180 records (quoted fields, doubled quotes, CRLF or LF line ends).
std::vector<std::vector<std::string>> parse_csv(const std::string& text, char separator);

// Every sheet of an .xlsx as CSV through LibreOffice (raw values, not as shown):
// sheet name → rows. Fails the calling test (ADD_FAILURE) when LibreOffice is missing.
std::vector<std::pair<std::string, std::vector<std::vector<std::string>>>> xlsx_sheets_via_libreoffice(
    const std::string& xlsx_bytes, const std::vector<std::string>& sheet_names);

}  // namespace stegvis::test
