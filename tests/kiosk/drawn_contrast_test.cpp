// Text contrast judged on what is drawn: real pages of the real kiosk, in
// the standard and the high-contrast palette, each glyph's colour against
// the fills beneath it in ImGui's draw lists (tests/kiosk/drawn_text.h).
// So a colour used by one widget, or the map's labels, cannot slip by the
// way a hand-written list of pairs let them.
#include <SDL.h>
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>

#include "drawn_text.h"
#include "kiosk/theme.h"
#include "kiosk_driver.h"
#include "support/temp_folder.h"

namespace oneservice::kiosk::testing {
namespace {

// How many glyphs of the last frame fall inside the probe's item `label`.
std::size_t glyphs_inside(const KioskDriver& kiosk, const std::string& label) {
  const auto* item = kiosk.probe().find(label);
  if (!item) return 0;
  std::size_t count = 0;
  for (const auto& glyph : drawn_glyphs(*ImGui::GetDrawData(), IM_COL32_WHITE))
    count += glyph.centre.x > item->x && glyph.centre.x < item->x + item->width && glyph.centre.y > item->y &&
             glyph.centre.y < item->y + item->height;
  return count;
}

// Judges one page, and that it had words to judge.
void judge(KioskDriver& kiosk, const std::string& page, const std::string& palette) {
  EXPECT_GT(kiosk.expect_readable_text(page + " (" + palette + ")"), 20u) << page << " (" << palette << ")";
}

// A pothole report from its first question to the confirmation, with an
// error, the map with its labels and a pin, the tracking page and the
// "more time" warning on the way.
void walk_the_pages(KioskDriver& kiosk, TimePoint& now, const std::string& palette) {
  judge(kiosk, "choose service", palette);
  ASSERT_TRUE(kiosk.tap("Check progress"));
  ASSERT_TRUE(kiosk.fill("field:reference", "OS-AAAA-BBBB"));
  ASSERT_TRUE(kiosk.tap("Check"));
  judge(kiosk, "tracking, reference not found", palette);
  ASSERT_TRUE(kiosk.tap("Back"));
  ASSERT_TRUE(kiosk.press_and_hold(40, 40, std::chrono::seconds(3), now));
  ASSERT_TRUE(kiosk.shows("Enter the operator PIN"));
  judge(kiosk, "the PIN pad", palette);
  ASSERT_TRUE(kiosk.tap("Cancel"));
  ASSERT_TRUE(kiosk.tap("Report a pothole"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  judge(kiosk, "a question with an error", palette);
  ASSERT_TRUE(kiosk.tap("In the road"));
  judge(kiosk, "a question with a choice made", palette);
  ASSERT_TRUE(kiosk.tap("Back"));
  ASSERT_TRUE(kiosk.fill("field:search", "pothole"));
  judge(kiosk, "a search being typed, with the keyboard", palette);
  reach_pothole_location(kiosk);
  ASSERT_TRUE(kiosk.fill("field:place-search", "hemb"));
  judge(kiosk, "place search results", palette);
  ASSERT_TRUE(kiosk.tap("place:Little Hembury Parish Council"));
  ASSERT_TRUE(kiosk.reveal("map"));
  EXPECT_GT(glyphs_inside(kiosk, "map"), 10u) << "the map's labels are judged too";
  judge(kiosk, "the map with a pin", palette);
  kiosk.screenshot("map-" + palette);
  ASSERT_TRUE(kiosk.tap("Continue"));
  ASSERT_TRUE(kiosk.fill("field:contact.email", "not an email"));
  ASSERT_TRUE(kiosk.tap("Continue"));
  judge(kiosk, "contact details with an error", palette);
  now += std::chrono::seconds(100);
  kiosk.settle();
  ASSERT_TRUE(kiosk.shows("Do you need more time?"));
  judge(kiosk, "the more time warning", palette);
  ASSERT_TRUE(kiosk.tap("Yes, I need more time"));
  ASSERT_TRUE(kiosk.tap("field:contact.email"));
  for (int i = 0; i < 12; ++i) kiosk.press_key(SDL_SCANCODE_BACKSPACE);
  ASSERT_TRUE(kiosk.tap("Continue"));
  judge(kiosk, "check answers", palette);
  ASSERT_TRUE(kiosk.tap("Send report"));
  judge(kiosk, "the confirmation", palette);
  ASSERT_TRUE(kiosk.tap("Finish"));
}

TEST(DrawnContrast, EveryGlyphOnRealPagesMeetsSevenToOneInBothPalettes) {
  test_support::TempFolder data;
  auto now = std::make_shared<TimePoint>(*parse_iso8601("2026-11-22T12:00:00Z"));
  KioskDriver kiosk(data.path(), std::string(ONESERVICE_SCREENSHOT_DIR) + "/DrawnContrast", clock_at(now), false,
                    std::nullopt, "", with_pin());
  judge(kiosk, "the attract page", "standard");
  ASSERT_TRUE(kiosk.tap("Start / Dechrau"));
  judge(kiosk, "the language page", "standard");
  ASSERT_TRUE(kiosk.tap("English"));
  walk_the_pages(kiosk, *now, "standard");

  kiosk.start();
  ASSERT_TRUE(kiosk.tap("High contrast"));
  ASSERT_EQ(theme::palette().background, theme::high_contrast_palette().background);
  walk_the_pages(kiosk, *now, "high contrast");
}

}  // namespace
}  // namespace oneservice::kiosk::testing
