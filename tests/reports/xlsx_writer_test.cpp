// The workbook as LibreOffice reads it: every sheet converted back to CSV with
// raw values and compared cell by cell with the document.
#include <gtest/gtest.h>

#include <cmath>

#include "reports/swedish_format.hpp"
#include "reports/writer_test_support.hpp"
#include "reports/writers.hpp"

namespace stegvis::test {
namespace {

using reports::TableCell;

const std::vector<std::string> kSheets = {"Om rapporten", "Per länsdel", "Utfall- avslut-tid per kön och",
                                          "Utfall- avslut-tid per kön (2)", "Inflöde"};

void expect_cell(const TableCell& cell, const std::string& read, const std::string& where) {
  switch (cell.kind) {
    case TableCell::Kind::number:
    case TableCell::Kind::percent: {
      double expected = cell.kind == TableCell::Kind::percent ? cell.value / 100 : cell.value;
      // Raw values; LibreOffice still writes a percent-formatted number as "45.5%".
      bool percent_sign = !read.empty() && read.back() == '%';
      EXPECT_EQ(percent_sign, cell.kind == TableCell::Kind::percent) << where << ": '" << read << "'";
      char* end = nullptr;
      double got = std::strtod(read.c_str(), &end);
      if (percent_sign) got /= 100;
      EXPECT_TRUE(!read.empty() && *end == (percent_sign ? '%' : '\0')) << where << ": not a number: '" << read << "'";
      EXPECT_NEAR(got, expected, 1e-9) << where;
      return;
    }
    case TableCell::Kind::suppressed: EXPECT_EQ(read, "<5") << where; return;
    case TableCell::Kind::text: EXPECT_EQ(read, cell.text) << where; return;
    case TableCell::Kind::empty: EXPECT_EQ(read, "") << where; return;
  }
}

TEST(XlsxWriter, LibreOfficeReadsEverySheetAndCell) {
  auto doc = sample_report();
  auto sheets = xlsx_sheets_via_libreoffice(reports::to_xlsx(doc), kSheets);
  ASSERT_EQ(sheets.size(), kSheets.size());

  const auto& about = sheets[0].second;
  ASSERT_GE(about.size(), 4u + doc.tables.size());
  EXPECT_EQ(about[0][0], doc.title);
  EXPECT_EQ(about[1][0], doc.subtitle);
  for (std::size_t i = 0; i < doc.tables.size(); ++i) {
    EXPECT_EQ(about[4 + i][0], kSheets[i + 1]);
    EXPECT_EQ(about[4 + i][1], doc.tables[i].title);
  }
  EXPECT_EQ(about[4 + doc.tables.size() + 1][0], "Anmärkningar");
  EXPECT_EQ(about[4 + doc.tables.size() + 2][1], doc.notes[0]);

  for (std::size_t t = 0; t < doc.tables.size(); ++t) {
    const auto& table = doc.tables[t];
    const auto& rows = sheets[t + 1].second;
    std::string sheet = sheets[t + 1].first;
    ASSERT_GE(rows.size(), 2 + table.rows.size()) << sheet;
    EXPECT_EQ(rows[0][0], table.title) << sheet;
    for (std::size_t c = 0; c < table.headings.size(); ++c) EXPECT_EQ(rows[1][c], table.headings[c]) << sheet;
    for (std::size_t r = 0; r < table.rows.size(); ++r)
      for (std::size_t c = 0; c < table.rows[r].size(); ++c) {
        std::string read = c < rows[2 + r].size() ? rows[2 + r][c] : "";
        expect_cell(table.rows[r][c], read, sheet + " row " + std::to_string(r + 1) + " col " + std::to_string(c + 1));
      }
    if (!table.note.empty()) {
      ASSERT_GE(rows.size(), 4 + table.rows.size()) << sheet;
      EXPECT_EQ(rows[3 + table.rows.size()][0], table.note);
    }
  }
}

// A would-be formula is stored as a string, never as a formula (<f>) in the sheet's XML.
TEST(XlsxWriter, UserTextIsNeverAFormula) {
  ASSERT_TRUE(have_program("unzip")) << "unzip is not installed (scripts/install-deps.sh installs it with the test tools)";
  ScratchDir dir;
  write_file(dir.path / "r.xlsx", reports::to_xlsx(sample_report()));
  ASSERT_EQ(run("unzip -p '" + (dir.path / "r.xlsx").string() + "' 'xl/worksheets/*.xml' 'xl/sharedStrings.xml'",
                dir.path / "xml"),
            0)
      << read_file(dir.path / "xml");
  std::string xml = read_file(dir.path / "xml");
  EXPECT_NE(xml.find("=SUMMA(B3:B4)"), std::string::npos);
  EXPECT_EQ(xml.find("<f>"), std::string::npos);
}

TEST(XlsxWriter, LeavesNoTemporaryFiles) {
  ScratchDir dir;
  const char* old = std::getenv("TMPDIR");
  std::string saved = old ? old : "";
  setenv("TMPDIR", dir.path.c_str(), 1);
  for (int i = 0; i < 2; ++i) EXPECT_GT(reports::to_xlsx(sample_report()).size(), 1000u);
  if (old) setenv("TMPDIR", saved.c_str(), 1);
  else unsetenv("TMPDIR");
  EXPECT_TRUE(std::filesystem::is_empty(dir.path));
}

TEST(XlsxWriter, EmptyTablesAndNamelessSheetsStillMakeAValidWorkbook) {
  reports::ReportDocument doc;
  doc.title = "Tom";
  doc.tables.push_back({"Inga rader", "", {"Länsdel", "Antal"}, {}, ""});
  doc.tables.push_back({"", "''", {"A"}, {{TableCell::number(1)}}, ""});
  auto sheets = xlsx_sheets_via_libreoffice(reports::to_xlsx(doc), {"Om rapporten", "Inga rader", "Tabell 2"});
  ASSERT_EQ(sheets.size(), 3u);
  EXPECT_EQ(sheets[1].second.at(1), (std::vector<std::string>{"Länsdel", "Antal"}));
  EXPECT_EQ(sheets[2].second.at(2).at(0), "1");
}

}  // namespace
}  // namespace stegvis::test
