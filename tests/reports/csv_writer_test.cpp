// The CSV as Swedish Excel reads it: BOM, ';', decimal comma, quoting, a title
// line before each table and a blank line after it, no runnable formulas.
#include <gtest/gtest.h>

#include "reports/writer_test_support.hpp"
#include "reports/writers.hpp"

namespace stegvis::test {
namespace {

using Rows = std::vector<std::vector<std::string>>;

TEST(CsvWriter, StartsWithUtf8ByteOrderMarkAndUsesCrlf) {
  std::string csv = reports::to_csv(sample_report());
  ASSERT_GE(csv.size(), 3u);
  EXPECT_EQ(csv.substr(0, 3), "\xEF\xBB\xBF");
  EXPECT_EQ(csv.find('\n'), csv.find("\r\n") + 1);
}

TEST(CsvWriter, EveryCellReadsBackInSwedishFormat) {
  auto doc = sample_report();
  Rows rows = parse_csv(reports::to_csv(doc).substr(3), ';');
  ASSERT_GE(rows.size(), 3u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{doc.title}));
  EXPECT_EQ(rows[1], (std::vector<std::string>{doc.subtitle}));
  EXPECT_TRUE(rows[2].empty());

  // The first table, cell by cell, as written by hand.
  Rows expected = {
      {"Volymer per länsdel"},
      {"Länsdel", "Aktiva vid periodens start", "Startade", "Avslutade", "Andel kvinnor"},
      {"Katrineholm–Vingåker", "1234567", "12", "<5", "45,5%"},
      {"Flen; \"Öster\"", "7", "<5", "0", "100,0%"},
      {"'=SUMMA(B3:B4)", "187,3", "5", "9", ""},
      {"Summa", "1234761,3", "17", "9", "33,3%"},
      {"Celler under 5 personer visas som <5."},
      {},
  };
  for (std::size_t i = 0; i < expected.size(); ++i) EXPECT_EQ(rows[3 + i], expected[i]) << "line " << 4 + i;

  // The second table: a negative number stays a number, a text starting with + is defused.
  std::size_t at = 3 + expected.size();
  EXPECT_EQ(rows[at], (std::vector<std::string>{"Avslut per utfall och åldersgrupp"}));
  EXPECT_EQ(rows[at + 3], (std::vector<std::string>{"'+46 går före", "-3", "2500", "<5", "8"}));
  EXPECT_TRUE(rows[at + 4].empty());

  // Every table appears with its title line, headings, all rows and a blank line.
  std::size_t line = 3;
  for (const auto& t : doc.tables) {
    ASSERT_LT(line + 1 + t.rows.size(), rows.size()) << t.title;
    EXPECT_EQ(rows[line], (std::vector<std::string>{t.title}));
    EXPECT_EQ(rows[line + 1], t.headings);
    line += 2 + t.rows.size() + (t.note.empty() ? 0 : 1);
    EXPECT_TRUE(rows[line].empty()) << t.title;
    ++line;
  }
  EXPECT_EQ(rows[line], (std::vector<std::string>{doc.notes[0]}));
}

TEST(CsvWriter, QuotesFieldsWithSeparatorQuoteOrLineBreak) {
  reports::ReportDocument doc;
  doc.title = "Rad ett\nrad två";
  doc.tables.push_back({"T", "T", {"a;b", "c\"d"}, {{reports::TableCell::of_text("@x")}}, ""});
  std::string csv = reports::to_csv(doc);
  EXPECT_NE(csv.find("\"Rad ett\nrad två\"\r\n"), std::string::npos);
  EXPECT_NE(csv.find("\"a;b\";\"c\"\"d\"\r\n"), std::string::npos);
  EXPECT_NE(csv.find("'@x\r\n"), std::string::npos);
}

}  // namespace
}  // namespace stegvis::test
