// Setting blocks down on pages (receipt/page_flow.h): a heading goes over
// to the next page with the line it heads, a block taller than a page
// still gets a page, and addresses are cut after their slashes.
#include "receipt/page_flow.h"

#include <gtest/gtest.h>

#include <cairo-pdf.h>

#include <memory>

namespace oneservice::receipt {
namespace {

struct Drawn {
  int page = 0;
  double top = 0;
};

class PageFlow : public ::testing::Test {
 protected:
  // A block that records the page and the top it was drawn at.
  Block recorded(double height, bool keep_with_next, Drawn* at) {
    return {height, keep_with_next, [this, at](cairo_t*, double top) { *at = {pages_, top}; }};
  }
  // Counts pages: cairo_show_page is the only thing flow does between
  // blocks, and a block drawn at the top after another is on a new page.
  void flow_counting(const std::vector<Block>& blocks, double top, double bottom) {
    std::vector<Block> counted;
    double last_top = -1;
    for (const auto& block : blocks)
      counted.push_back({block.height, block.keep_with_next, [this, block, &last_top](cairo_t* c, double y) {
                           if (y <= last_top) ++pages_;
                           last_top = y;
                           block.draw(c, y);
                         }});
    flow(cr_.get(), counted, top, bottom);
  }

  std::unique_ptr<cairo_surface_t, decltype(&cairo_surface_destroy)> surface_{
      cairo_pdf_surface_create_for_stream([](void*, const unsigned char*, unsigned) { return CAIRO_STATUS_SUCCESS; },
                                          nullptr, 595, 842),
      &cairo_surface_destroy};
  std::unique_ptr<cairo_t, decltype(&cairo_destroy)> cr_{cairo_create(surface_.get()), &cairo_destroy};
  int pages_ = 0;
};

TEST_F(PageFlow, AHeadingThatWouldEndAPageGoesOverWithItsLine) {
  Drawn filler, heading, line;
  flow_counting({recorded(700, false, &filler), recorded(40, true, &heading), recorded(40, false, &line)}, 50, 800);
  EXPECT_EQ(filler.page, 0);
  EXPECT_EQ(heading.page, 1) << "the heading fitted at the foot, but its line did not";
  EXPECT_DOUBLE_EQ(heading.top, 50);
  EXPECT_EQ(line.page, 1);
  EXPECT_DOUBLE_EQ(line.top, 90);
}

TEST_F(PageFlow, ABlockTallerThanAPageGetsAPageOfItsOwn) {
  Drawn first, tall, after;
  flow_counting({recorded(100, false, &first), recorded(2000, false, &tall), recorded(10, false, &after)}, 50, 800);
  EXPECT_EQ(first.page, 0);
  EXPECT_EQ(tall.page, 1);
  EXPECT_DOUBLE_EQ(tall.top, 50);
  EXPECT_EQ(after.page, 2);
}

TEST_F(PageFlow, AnAddressIsCutAfterItsSlashesToFit) {
  const TextStyle style{12, false, 0};
  const std::string address = "https://ashcombe.example/track/OS-5BCJ-N6Z1";
  const double whole = text_width(cr_.get(), address, style);
  EXPECT_EQ(address_lines(cr_.get(), address, style, whole + 1), std::vector<std::string>{address});
  const auto cut = address_lines(cr_.get(), address, style, whole * 0.8);
  EXPECT_EQ(cut, (std::vector<std::string>{"https://ashcombe.example/track/", "OS-5BCJ-N6Z1"}));
  // A part wider than the line alone is cut between letters, none lost.
  const auto narrow = address_lines(cr_.get(), address, style, whole * 0.2);
  std::string joined;
  for (const auto& line : narrow) {
    EXPECT_LE(text_width(cr_.get(), line, style), whole * 0.2) << line;
    joined += line;
  }
  EXPECT_EQ(joined, address);
}

}  // namespace
}  // namespace oneservice::receipt
