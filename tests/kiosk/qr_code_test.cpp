// The confirmation page's QR code: every symbol is read back with zbar, so
// the tests say "a phone gets this address", not how modules are laid out.
#include "kiosk/qr_code.h"

#include <gtest/gtest.h>

#include <stdexcept>

#include "qr_scan.h"

namespace oneservice::kiosk {
namespace {

using testing::render_grey;
using testing::qr_codes_in;

std::vector<std::string> scan_matrix(const QrMatrix& matrix) {
  int side = 0;
  const auto pixels = render_grey(matrix, 4, &side);
  return qr_codes_in(pixels, side, side);
}

TEST(QrCode, ScansBackToTheTrackingAddress) {
  const std::string url = "https://www.examplecouncil.gov.uk/track/OS-2024-000123";
  const auto matrix = make_qr(url);
  ASSERT_TRUE(matrix);
  EXPECT_EQ(matrix->dark.size(), static_cast<std::size_t>(matrix->size * matrix->size));
  EXPECT_EQ(scan_matrix(*matrix), std::vector<std::string>{url});
}

TEST(QrCode, KeepsLongAndUnusualTextExactly) {
  // Lower case, percent escapes, Welsh letters in UTF-8, punctuation and a
  // query long enough to need a large version: byte mode keeps every byte.
  std::string text = "https://www.examplecouncil.gov.uk/track/Ffordd%20y%20Bryn?ref=AB-12%2F34&lang=cy&note=";
  text += "Ŵyn ar y ffordd; ŷd wedi’i ollwng — “Heol Fawr” #5 ~ {x} | tab\there";
  while (text.size() < 1200) text += "&k" + std::to_string(text.size()) + "=v_w.x~y";
  const auto matrix = make_qr(text);
  ASSERT_TRUE(matrix);
  EXPECT_GT(matrix->size, 100);
  EXPECT_EQ(scan_matrix(*matrix), std::vector<std::string>{text});
}

TEST(QrCode, RefusesEmptyTextAndTextNoSymbolHolds) {
  EXPECT_FALSE(make_qr(""));
  const auto largest = make_qr(std::string(2331, 'a'));  // version 40 at level M holds 2331 bytes
  ASSERT_TRUE(largest);
  EXPECT_EQ(largest->size, 177);
  EXPECT_FALSE(make_qr(std::string(2332, 'a')));
}

TEST(QrCode, AtRefusesPositionsOutsideTheSymbol) {
  const auto matrix = make_qr("x");
  ASSERT_TRUE(matrix);
  EXPECT_TRUE(matrix->at(0, 0));  // the corner of a finder pattern is dark
  EXPECT_THROW(matrix->at(0, matrix->size), std::out_of_range);
}

TEST(TrackingUrl, PutsTheReferenceInItsPlace) {
  EXPECT_EQ(tracking_url("https://council.example/track/{reference}", "OS-2024-000123"),
            "https://council.example/track/OS-2024-000123");
  EXPECT_EQ(tracking_url("https://council.example/track?ref={reference}&again={reference}", "A1"),
            "https://council.example/track?ref=A1&again=A1");
}

TEST(TrackingUrl, PercentEncodesAllButUnreservedCharacters) {
  EXPECT_EQ(tracking_url("{reference}", "az-AZ_09.~"), "az-AZ_09.~");
  EXPECT_EQ(tracking_url("/t/{reference}", "A B/C?d&e#f%g+h"), "/t/A%20B%2FC%3Fd%26e%23f%25g%2Bh");
  EXPECT_EQ(tracking_url("/t/{reference}", "ŵ"), "/t/%C5%B5");
}

TEST(TrackingUrl, LeavesATemplateWithoutPlaceholderAlone) {
  EXPECT_EQ(tracking_url("https://council.example/track", "OS-1"), "https://council.example/track");
  EXPECT_EQ(tracking_url("/t/{reference", "OS-1"), "/t/{reference");
  EXPECT_EQ(tracking_url("", "OS-1"), "");
}

}  // namespace
}  // namespace oneservice::kiosk
