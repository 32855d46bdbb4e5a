// The PDF as pdftotext reads it: headings, å/ä/ö, "<5", Swedish numbers,
// headings repeated after a page break, the charts' texts and "Sida n av N".
#include <gtest/gtest.h>

#include <regex>

#include "reports/writer_test_support.hpp"
#include "reports/writers.hpp"

namespace stegvis::test {
namespace {

struct PdfText {
  std::vector<std::string> pages;  // pdftotext separates pages with a form feed
  int page_count = 0;
  bool landscape = false;
};

PdfText read_pdf(const std::string& pdf) {
  PdfText out;
  if (!have_program("pdftotext") || !have_program("pdfinfo")) {
    ADD_FAILURE() << "pdftotext/pdfinfo (poppler-utils) are not installed: the PDF cannot be checked";
    return out;
  }
  ScratchDir dir;
  write_file(dir.path / "r.pdf", pdf);
  EXPECT_EQ(run("pdftotext -layout -enc UTF-8 '" + (dir.path / "r.pdf").string() + "' '" +
                    (dir.path / "r.txt").string() + "'",
                dir.path / "log"),
            0)
      << read_file(dir.path / "log");
  EXPECT_EQ(run("pdfinfo '" + (dir.path / "r.pdf").string() + "'", dir.path / "info"), 0);
  std::smatch m;
  std::string info = read_file(dir.path / "info");
  if (std::regex_search(info, m, std::regex("Pages:\\s+(\\d+)"))) out.page_count = std::stoi(m[1]);
  if (std::regex_search(info, m, std::regex("Page size:\\s+([0-9.]+) x ([0-9.]+)")))
    out.landscape = std::stod(m[1]) > std::stod(m[2]);
  std::string text = read_file(dir.path / "r.txt");
  std::size_t start = 0;
  for (std::size_t ff; (ff = text.find('\f', start)) != std::string::npos; start = ff + 1)
    out.pages.push_back(text.substr(start, ff - start));
  return out;
}

// pdftotext writes the no-break space between thousands as it is; compare with plain spaces.
std::string plain_spaces(std::string s) {
  for (std::size_t at; (at = s.find("\u00a0")) != std::string::npos;) s.replace(at, 2, " ");
  return s;
}

std::string all(const PdfText& t) {
  std::string out;
  for (const auto& p : t.pages) out += plain_spaces(p);
  return out;
}

TEST(PdfWriter, PdftotextReadsTitleTablesNumbersAndNotes) {
  auto doc = sample_report();
  PdfText pdf = read_pdf(reports::to_pdf(doc));
  ASSERT_GT(pdf.page_count, 1);
  std::string text = all(pdf);
  for (const std::string& s :
       {doc.title, std::string("Insats Vägen vidare"), std::string("Volymer per länsdel"),
        std::string("Katrineholm–Vingåker"), std::string("Åldersgrupp"), std::string("Arbetssökande"),
        std::string("Flen; \"Öster\""), std::string("=SUMMA(B3:B4)"), std::string("Anmärkningar"), doc.notes[1]}) {
    EXPECT_NE(text.find(s), std::string::npos) << "missing: " << s;
  }
  // The first data row, as a reader sees it: numbers in Swedish format, right-aligned.
  EXPECT_TRUE(std::regex_search(text, std::regex("Katrineholm–Vingåker +1 234 567 +12 +<5 +45,5 %")));
  EXPECT_TRUE(std::regex_search(text, std::regex("Summa +1 234 761,3 +17 +9 +33,3 %")));
  EXPECT_TRUE(std::regex_search(text, std::regex("\\+46 går före +-3 +2 500 +<5 +8")));
}

TEST(PdfWriter, EveryPageSaysSidaNAvN) {
  PdfText pdf = read_pdf(reports::to_pdf(sample_report()));
  ASSERT_EQ(pdf.pages.size(), static_cast<std::size_t>(pdf.page_count));
  for (int p = 1; p <= pdf.page_count; ++p) {
    std::string expected = "Sida " + std::to_string(p) + " av " + std::to_string(pdf.page_count);
    EXPECT_NE(pdf.pages[p - 1].find(expected), std::string::npos) << "page " << p;
  }
}

// The 90-row table runs over a page break: the next page starts with its headings again.
TEST(PdfWriter, RepeatsHeadingsAfterAPageBreak) {
  PdfText pdf = read_pdf(reports::to_pdf(sample_report()));
  int with_headings = 0;
  for (const auto& page : pdf.pages) {
    std::string p = plain_spaces(page);
    if (p.find("Startade") != std::string::npos && p.find("Vecka") != std::string::npos &&
        std::regex_search(p, std::regex("Vecka +Startade +Avslutade")))
      ++with_headings;
  }
  EXPECT_GE(with_headings, 2);
  EXPECT_NE(all(pdf).find("Inflöde per vecka (forts.)"), std::string::npos);
  EXPECT_NE(all(pdf).find("Vecka 90"), std::string::npos);
}

TEST(PdfWriter, DrawsChartTitlesLegendsAndReferenceLabels) {
  std::string text = all(read_pdf(reports::to_pdf(sample_report())));
  for (const char* s : {"Startade och avslutade per månad", "ORS över tid", "Avslut per utfall", "Klinisk gräns (25)",
                        "Målnivå (10)", "september", "augusti", "SRS"}) {
    EXPECT_NE(text.find(s), std::string::npos) << "missing: " << s;
  }
}

// An exits-by-outcome table has a column per outcome: too wide for portrait at a
// readable size, so the document turns to landscape and every heading stays whole.
TEST(PdfWriter, AWideTableTurnsThePageToLandscape) {
  reports::ReportDocument doc;
  doc.title = "Avslut per utfall";
  reports::ReportTable t;
  t.title = "Avslut per utfall och länsdel";
  t.headings = {"Länsdel", "Arbete", "Arbete med stöd", "Studier", "Arbetssökande", "Fortsatt rehabilitering",
                "Af/FK förstärkt samarbete", "Annan insats", "Vård/sjukskrivning", "Flyttat", "Avbrott", "Annat",
                "Summa"};
  std::vector<reports::TableCell> row = {reports::TableCell::of_text("Katrineholm–Vingåker")};
  for (int i = 0; i < 12; ++i) row.push_back(i % 3 ? reports::TableCell::number(1000 + i) : reports::TableCell::hidden());
  t.rows = {row, row};
  doc.tables.push_back(t);
  PdfText pdf = read_pdf(reports::to_pdf(doc));
  EXPECT_TRUE(pdf.landscape);
  EXPECT_EQ(pdf.page_count, 1);
  std::string text = all(pdf);
  for (const auto& h : {"Arbetssökande", "rehabilitering", "Vård/sjukskrivning", "Summa"}) EXPECT_NE(text.find(h), std::string::npos) << h;
  EXPECT_TRUE(std::regex_search(text, std::regex("Katrineholm–Vingåker +<5 +1 001 +1 002 +<5")));

  // The sample report's tables fit portrait.
  EXPECT_FALSE(read_pdf(reports::to_pdf(sample_report())).landscape);
}

TEST(PdfWriter, AnEmptyDocumentIsOnePage) {
  reports::ReportDocument doc;
  doc.title = "Tom rapport";
  PdfText pdf = read_pdf(reports::to_pdf(doc));
  EXPECT_EQ(pdf.page_count, 1);
  EXPECT_NE(all(pdf).find("Sida 1 av 1"), std::string::npos);
}

}  // namespace
}  // namespace stegvis::test
