// The receipt as a PDF (receipt/receipt_pdf.h), read back as a person and
// a phone would: its words with pdftotext, its QR code with zbar from
// pdftoppm's image of the page, its paper size and fonts with pdfinfo and
// pdffonts.
#include "receipt/receipt_pdf.h"

#include <gtest/gtest.h>

#include <cstdlib>
#include <utility>
#include <sstream>

#include "pdf_tools.h"
#include "support/qr_reading.h"
#include "sample_receipts.h"
#include "support/temp_folder.h"

namespace oneservice::receipt {
namespace {

using test::given_lines;
using test::squeezed;

class ReceiptPdf : public ::testing::Test {
 protected:
  // The receipt written to a file for poppler's tools; fails the test if
  // it could not be drawn.
  std::string rendered(const ReceiptText& text, Paper paper, const std::string& name = "receipt.pdf") {
    auto result = render_receipt_pdf(text, paper);
    if (const auto* problem = std::get_if<RenderProblem>(&result)) {
      ADD_FAILURE() << "not drawn: " << problem->reason;
      return {};
    }
    const auto path = folder_.file(name);
    test::write_file(path, std::get<std::string>(result));
    // ONESERVICE_RECEIPT_KEEP=DIR keeps each receipt drawn, to look at.
    if (const char* keep = std::getenv("ONESERVICE_RECEIPT_KEEP")) {
      const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
      test::write_file(std::string(keep) + "/" + info->name() + "-" + name, std::get<std::string>(result));
    }
    return path;
  }

  test_support::TempFolder folder_;
};

constexpr double kA4Width = 595.28, kA4Height = 841.89, kRollWidth = 80 * 72 / 25.4;

TEST_F(ReceiptPdf, AnA4ReceiptHoldsEveryLineItWasGiven) {
  const auto text = test::english_receipt();
  const auto path = rendered(text, Paper::A4);
  const auto pages = test::pdf_pages(path);
  EXPECT_EQ(pages.count, 1);
  EXPECT_NEAR(pages.width_pt, kA4Width, 0.5);
  EXPECT_NEAR(pages.height_pt, kA4Height, 0.5);
  // Wrapping may break a line anywhere (an address mid-word): compared
  // without whitespace, every line is there, and in the order given.
  const auto printed = squeezed(test::pdf_text(path));
  std::size_t from = 0;
  for (const auto& line : given_lines(text)) {
    const auto at = printed.find(squeezed(line), from);
    EXPECT_NE(at, std::string::npos) << "missing or out of order: " << line;
    if (at != std::string::npos) from = at;
  }
}

// The height of the first printed word `word`'s box; 0 when not printed.
double height_of(const std::vector<test::WordBox>& words, const std::string& word) {
  for (const auto& box : words)
    if (box.word == word) return box.y_max - box.y_min;
  return 0;
}

TEST_F(ReceiptPdf, TheReferenceIsTheLargestTypeAndStaysOnOneLine) {
  for (const auto paper : {Paper::A4, Paper::Roll80mm}) {
    const auto text = test::english_receipt();
    const auto words = test::word_boxes(rendered(text, paper));
    const double reference = height_of(words, text.reference);
    ASSERT_GT(reference, 0) << "the reference is not one unbroken word on the page";
    const double body = height_of(words, "inspector");
    ASSERT_GT(body, 0);
    // Twice the body's size on A4; on a roll a little less, shrunk to keep
    // a reference of 12 characters on one line of 72 mm.
    EXPECT_GE(reference, (paper == Paper::A4 ? 2.0 : 1.75) * body) << "the reference stands out";
    EXPECT_GT(height_of(words, "Ashcombe"), body) << "the council's name is larger than the body";
  }
}

TEST_F(ReceiptPdf, NothingIsPrintedBeyondTheGivenLines) {
  auto text = test::english_receipt();
  // A council contact left out: no address or role of it appears.
  text.who_deals_with_it.lines = {"Little Hembury Parish Council"};
  for (const auto paper : {Paper::A4, Paper::Roll80mm}) {
    const auto printed = test::pdf_text(rendered(text, paper));
    std::string given;
    for (const auto& line : given_lines(text)) given += squeezed(line) + "\n";
    std::istringstream words(printed);
    for (std::string word; words >> word;)
      EXPECT_NE(given.find(word), std::string::npos) << "printed but never given: " << word;
    EXPECT_EQ(printed.find('@'), std::string::npos);
    EXPECT_EQ(printed.find("Clerk"), std::string::npos);
  }
}

TEST_F(ReceiptPdf, WelshLettersArePrintedAsWrittenInAndika) {
  const auto text = test::welsh_receipt();
  const auto path = rendered(text, Paper::A4);
  const auto printed = test::pdf_text(path);
  for (const char* word : {"ddŵr", "dŵr", "tŷ", "Tŷ'r", "â ni", "â chamera", "ffôn"})
    EXPECT_NE(printed.find(word), std::string::npos) << word;
  const auto printed_squeezed = squeezed(printed);
  for (const auto& line : given_lines(text))
    EXPECT_NE(printed_squeezed.find(squeezed(line)), std::string::npos) << line;
  // Every letter came from Andika, embedded, so the printer needs no font.
  const auto fonts = test::pdf_fonts(path);
  EXPECT_NE(fonts.find("Andika"), std::string::npos) << fonts;
  EXPECT_EQ(fonts.find("DejaVu"), std::string::npos) << "a letter Andika lacks was drawn in another font:\n" << fonts;
  EXPECT_EQ(fonts.find(" no "), std::string::npos) << "a font is not embedded:\n" << fonts;
}

TEST_F(ReceiptPdf, TheQrCodeScansToTheTrackingAddressOnBothPapers) {
  const std::pair<Paper, ReceiptText> receipts[] = {{Paper::A4, test::english_receipt()},
                                                    {Paper::Roll80mm, test::welsh_receipt()}};
  for (const auto& [paper, text] : receipts) {
    // 100 dpi: less than a phone camera sees of a receipt held up to it.
    const auto page = test::first_page_grey(rendered(text, paper), 100);
    const auto found = test_support::qr_codes_in(page.pixels, page.width, page.height);
    ASSERT_EQ(found.size(), 1u) << (paper == Paper::A4 ? "A4" : "roll");
    EXPECT_EQ(found[0], text.tracking_url);
  }
  auto no_page = test::english_receipt();
  no_page.tracking_url.clear();  // a council with no tracking page: no code, and the rest printed
  const auto page = test::first_page_grey(rendered(no_page, Paper::Roll80mm), 100);
  EXPECT_TRUE(test_support::qr_codes_in(page.pixels, page.width, page.height).empty());
}

TEST_F(ReceiptPdf, ARollIsEightyMillimetresWideAndEveryWordStaysOnIt) {
  auto text = test::english_receipt();
  text.what_happens_next.lines.push_back(
      "Somebody from the parish will look at the pothole, decide how soon it needs mending, and write to the "
      "district council's highways team if the road is theirs rather than the parish's.");
  text.tracking_url = "https://ashcombe.example/track/a-very-long-address-that-cannot-fit-on-one-line/OS-5BCJ-N6Z1";
  const auto path = rendered(text, Paper::Roll80mm);
  const auto pages = test::pdf_pages(path);
  EXPECT_EQ(pages.count, 1) << "a roll is cut to the receipt's length, never a second page";
  EXPECT_NEAR(pages.width_pt, kRollWidth, 0.5);
  const double margin = 4 * 72 / 25.4;
  const auto words = test::word_boxes(path);
  ASSERT_FALSE(words.empty());
  for (const auto& word : words) {
    EXPECT_GE(word.x_min, margin - 1) << word.word;
    EXPECT_LE(word.x_max, kRollWidth - margin + 1) << word.word;
  }
  const auto short_one = test::pdf_pages(rendered(test::english_receipt(), Paper::Roll80mm, "short.pdf"));
  EXPECT_GT(pages.height_pt, short_one.height_pt) << "more words, a longer receipt";
  EXPECT_NE(squeezed(test::pdf_text(path)).find(squeezed(text.tracking_url)), std::string::npos);
}

TEST_F(ReceiptPdf, AnA4ReceiptRunsOntoASecondSheetLosingNothing) {
  auto text = test::english_receipt();
  for (int i = 1; i <= 30; ++i)
    text.what_happens_next.lines.push_back("Step " + std::to_string(i) + " of what the council will do next.");
  const auto path = rendered(text, Paper::A4);
  EXPECT_GE(test::pdf_pages(path).count, 2);
  const auto printed = squeezed(test::pdf_text(path));
  for (const auto& line : given_lines(text)) EXPECT_NE(printed.find(squeezed(line)), std::string::npos) << line;
}

TEST(ReceiptPdfProblems, WhatCannotBePrintedHasAKind) {
  const auto kind_of = [](const ReceiptText& text) {
    auto result = render_receipt_pdf(text, Paper::A4);
    const auto* problem = std::get_if<RenderProblem>(&result);
    EXPECT_TRUE(problem) << "drawn when it should have been refused";
    if (problem) {
      EXPECT_FALSE(problem->reason.empty());
    }
    return problem ? problem->kind : RenderProblemKind::DrawingFailed;
  };
  auto text = test::english_receipt();
  text.reference.clear();
  EXPECT_EQ(kind_of(text), RenderProblemKind::Incomplete);
  text = test::english_receipt();
  text.council_name.clear();
  EXPECT_EQ(kind_of(text), RenderProblemKind::Incomplete);
  text = test::english_receipt();
  text.what_happens_next.lines.push_back("broken \xC3 UTF-8");
  EXPECT_EQ(kind_of(text), RenderProblemKind::NotText);
  text = test::english_receipt();
  text.tracking_url = "https://ashcombe.example/" + std::string(3000, 'a');
  EXPECT_EQ(kind_of(text), RenderProblemKind::AddressTooLong);
}

TEST(ReceiptPaper, SettingsNameThePaper) {
  EXPECT_EQ(paper_from_setting("a4"), Paper::A4);
  EXPECT_EQ(paper_from_setting("roll-80mm"), Paper::Roll80mm);
  EXPECT_FALSE(paper_from_setting("A5"));
  EXPECT_FALSE(paper_from_setting(""));
}

}  // namespace
}  // namespace oneservice::receipt
