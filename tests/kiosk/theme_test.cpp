// Every colour pair the kiosk draws text with meets WCAG AAA (7:1), in both
// palettes; and the formula itself gives the published figures.
#include <gtest/gtest.h>

#include "kiosk/theme.h"

#include <algorithm>

namespace oneservice::kiosk::theme {
namespace {

TEST(Theme, ContrastRatioMatchesWcagFigures) {
  EXPECT_NEAR(contrast_ratio(rgb(0x000000), rgb(0xffffff)), 21.0, 0.01);
  EXPECT_NEAR(contrast_ratio(rgb(0xffffff), rgb(0xffffff)), 1.0, 0.01);
  EXPECT_NEAR(contrast_ratio(rgb(0x767676), rgb(0xffffff)), 4.54, 0.01);  // the AA grey
  EXPECT_NEAR(contrast_ratio(rgb(0xffffff), rgb(0x767676)), 4.54, 0.01) << "order does not matter";
}

TEST(Theme, EveryTextColourMeetsSevenToOneInBothPalettes) {
  for (const auto* palette : {&standard_palette(), &high_contrast_palette()}) {
    const auto pairs = text_pairs(*palette);
    ASSERT_FALSE(pairs.empty());
    for (const auto& pair : pairs)
      EXPECT_GE(contrast_ratio(pair.text, pair.background), 7.0)
          << pair.name << (palette == &standard_palette() ? " (standard)" : " (high contrast)");
  }
}

TEST(Theme, FocusIsVisible) {
  // Non-text contrast (WCAG 1.4.11) asks 3:1 of a focus indicator against
  // what it touches: GOV.UK's yellow sits on black edges; the high-contrast
  // cyan on the black page.
  for (const auto* palette : {&standard_palette(), &high_contrast_palette()})
    EXPECT_GE(std::max(contrast_ratio(palette->focus, palette->border),
                       contrast_ratio(palette->focus, palette->background)),
              3.0);
}

TEST(Theme, SwitchingPalettesChangesTheColoursInUse) {
  use_high_contrast(true);
  EXPECT_TRUE(high_contrast());
  EXPECT_EQ(palette().background, high_contrast_palette().background);
  use_high_contrast(false);
  EXPECT_EQ(palette().background, standard_palette().background);
}

}  // namespace
}  // namespace oneservice::kiosk::theme
