// Printing through a real CUPS scheduler (tests/receipt/throwaway_cups):
// the receipt arrives at the printer's file whole, and each refusal comes
// back as its kind with nothing sent.
#include "receipt/receipt_printer.h"

#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>

#include "pdf_tools.h"
#include "receipt/receipt_pdf.h"
#include "sample_receipts.h"
#include "support/temp_folder.h"
#include "throwaway_cups.h"

namespace oneservice::receipt {
namespace {

PrintProblemKind refused(const std::variant<PrintJob, PrintProblem>& result) {
  const auto* problem = std::get_if<PrintProblem>(&result);
  EXPECT_TRUE(problem) << "printed when it should have been refused";
  if (!problem) return PrintProblemKind::NotPrintable;
  EXPECT_FALSE(problem->reason.empty());
  return problem->kind;
}

std::string file_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), {});
}

// Waits (at most 15 s) until the printer's file holds a whole PDF: cairo
// ends every PDF with its %%EOF line, so a file still being written does
// not pass.
bool arrived(const std::string& path) {
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(15);
  while (std::chrono::steady_clock::now() < deadline) {
    const std::string bytes = file_bytes(path);
    if (bytes.starts_with("%PDF-") && bytes.ends_with("%%EOF\n")) return true;
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return false;
}

class ReceiptPrinter : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!cups_.unavailable().empty()) GTEST_SKIP() << "no throwaway CUPS here: " << cups_.unavailable();
  }
  PrinterSetting printer(const std::string& name, Paper paper = Paper::A4) const {
    return {name, cups_.socket(), paper};
  }

  test::ThrowawayCups cups_;
};

TEST_F(ReceiptPrinter, AReceiptSentToThePrinterArrivesWhole) {
  const auto text = test::welsh_receipt();
  const auto result = print_receipt(text, printer("test", Paper::Roll80mm));
  const auto* job = std::get_if<PrintJob>(&result);
  ASSERT_TRUE(job) << std::get<PrintProblem>(result).reason;
  EXPECT_GT(job->id, 0);
  ASSERT_TRUE(arrived(cups_.output_file())) << "nothing reached the printer's file";
  const auto pages = test::pdf_pages(cups_.output_file());
  EXPECT_NEAR(pages.width_pt, 80 * 72 / 25.4, 0.5) << "the roll's PDF, as drawn";
  const auto printed = test::pdf_text(cups_.output_file());
  EXPECT_NE(printed.find(text.reference), std::string::npos);
  EXPECT_NE(printed.find("dŵr"), std::string::npos);
}

TEST_F(ReceiptPrinter, EachRefusalHasItsKindAndSendsNothing) {
  const auto pdf = std::get<std::string>(render_receipt_pdf(test::english_receipt(), Paper::A4));
  EXPECT_EQ(refused(print_pdf(pdf, printer(""))), PrintProblemKind::NoPrinterSet);
  EXPECT_EQ(refused(print_pdf(pdf, printer("no-such-printer"))), PrintProblemKind::NoSuchPrinter);
  EXPECT_EQ(refused(print_pdf(pdf, printer("../admin"))), PrintProblemKind::NoSuchPrinter);

  ASSERT_TRUE(cups_.command("cupsdisable test"));
  EXPECT_EQ(refused(print_pdf(pdf, printer("test"))), PrintProblemKind::PrinterStopped);
  ASSERT_TRUE(cups_.command("cupsenable test"));
  ASSERT_TRUE(cups_.command("cupsreject test"));
  EXPECT_EQ(refused(print_pdf(pdf, printer("test"))), PrintProblemKind::JobRefused);
  EXPECT_FALSE(std::filesystem::exists(cups_.output_file())) << "a refused receipt was printed";

  ASSERT_TRUE(cups_.command("cupsaccept test"));
  ASSERT_TRUE(std::holds_alternative<PrintJob>(print_pdf(pdf, printer("test"))));
  ASSERT_TRUE(arrived(cups_.output_file()));
  EXPECT_EQ(file_bytes(cups_.output_file()), pdf) << "the printer was given the receipt byte for byte";
}

TEST(ReceiptPrinterWithoutCups, NothingListeningIsCupsNotRunning) {
  test_support::TempFolder folder;
  const auto pdf = std::get<std::string>(render_receipt_pdf(test::english_receipt(), Paper::A4));
  EXPECT_EQ(refused(print_pdf(pdf, {"test", folder.file("no-cupsd.sock"), Paper::A4})),
            PrintProblemKind::CupsNotRunning);
  EXPECT_EQ(refused(print_pdf(pdf, {"test", "127.0.0.1:1", Paper::A4})), PrintProblemKind::CupsNotRunning);
}

TEST(ReceiptPrinterWithoutCups, AReceiptThatCannotBeDrawnIsNotPrintable) {
  auto text = test::english_receipt();
  text.reference.clear();
  EXPECT_EQ(refused(print_receipt(text, {"test", "127.0.0.1:1", Paper::A4})), PrintProblemKind::NotPrintable);
}

}  // namespace
}  // namespace oneservice::receipt
