// The officer's rules for a GPS position (platform/gps/fix_rules.h), on
// their own: no gpsd here.
#include "platform/gps/fix_rules.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

namespace oneservice::gps {
namespace {

using std::chrono::milliseconds;
using std::chrono::seconds;

const TimePoint kNoon = std::chrono::sys_days{std::chrono::year{2026} / 12 / 8} + std::chrono::hours{12};

Fix fix_at(double lat, std::optional<double> accuracy, TimePoint at = kNoon) {
  return Fix{lat, -3.1791, accuracy, 9, 12, at};
}

TEST(FixRules, AcceptsAFixWithinTheThresholdAndNoWorse) {
  EXPECT_TRUE(fix_acceptable(fix_at(51.48, 7.6), 10));
  EXPECT_TRUE(fix_acceptable(fix_at(51.48, 10.0), 10));
  EXPECT_FALSE(fix_acceptable(fix_at(51.48, 10.5), 10));
  EXPECT_FALSE(fix_acceptable(fix_at(51.48, 7.6), 5));  // a stricter service's own threshold
}

TEST(FixRules, NeverAcceptsAFixWhoseAccuracyIsUnknown) {
  EXPECT_FALSE(fix_acceptable(fix_at(51.48, std::nullopt), 10));
  EXPECT_FALSE(fix_acceptable(fix_at(51.48, std::numeric_limits<double>::quiet_NaN()), 10));
  EXPECT_FALSE(fix_acceptable(fix_at(51.48, std::numeric_limits<double>::infinity()), 1e9));
  EXPECT_FALSE(fix_acceptable(fix_at(51.48, -1.0), 10));
}

TEST(FixRules, AgeIsWholeSecondsAndNeverNegative) {
  EXPECT_EQ(fix_age(fix_at(51.48, 5), kNoon + milliseconds(7900)), seconds(7));
  EXPECT_EQ(fix_age(fix_at(51.48, 5), kNoon), seconds(0));
  EXPECT_EQ(fix_age(fix_at(51.48, 5), kNoon - seconds(30)), seconds(0));  // the clock stepped back
}

TEST(FixAverager, HasNothingUntilAReadingWithAnAccuracy) {
  FixAverager averager;
  EXPECT_FALSE(averager.average());
  averager.add(fix_at(51.48, std::nullopt));
  EXPECT_EQ(averager.count(), 0);
  EXPECT_FALSE(averager.average());
}

TEST(FixAverager, AveragesTheBetterHalfSoAJumpDoesNotPullThePoint) {
  FixAverager averager;
  averager.add(fix_at(51.48000, 4.0, kNoon));
  averager.add(fix_at(51.48010, 5.0, kNoon + seconds(1)));
  averager.add(fix_at(51.49000, 60.0, kNoon + seconds(2)));  // multipath: 1 km out and poor
  averager.add(fix_at(51.48020, 6.0, kNoon + seconds(3)));
  ASSERT_EQ(averager.count(), 4);
  const auto mean = averager.average();
  ASSERT_TRUE(mean);
  // The best two of four: 4 m and 5 m.
  EXPECT_NEAR(mean->lat, 51.48005, 1e-9);
  EXPECT_NEAR(mean->lon, -3.1791, 1e-9);
  // Claimed no better than the worst reading it used.
  ASSERT_TRUE(mean->accuracy_m);
  EXPECT_DOUBLE_EQ(*mean->accuracy_m, 5.0);
  EXPECT_EQ(mean->at, kNoon + seconds(1));
}

TEST(FixAverager, ForgetsReadingsOlderThanItsWindow) {
  FixAverager averager(seconds(5));
  averager.add(fix_at(51.40, 3.0, kNoon));  // where the officer stood before walking over
  for (int i = 4; i <= 8; ++i) averager.add(fix_at(51.48, 6.0, kNoon + seconds(i)));
  EXPECT_EQ(averager.count(), 5);
  const auto mean = averager.average();
  ASSERT_TRUE(mean);
  EXPECT_NEAR(mean->lat, 51.48, 1e-9);
  EXPECT_TRUE(fix_acceptable(*mean, 10));

  averager.clear();
  EXPECT_EQ(averager.count(), 0);
  EXPECT_FALSE(averager.average());
}

TEST(FixAverager, PoorReadingsAverageToAPoorFix) {
  FixAverager averager;
  for (int i = 0; i < 5; ++i) averager.add(fix_at(51.48 + i * 1e-5, 80.0 + i, kNoon + seconds(i)));
  const auto mean = averager.average();
  ASSERT_TRUE(mean);
  EXPECT_FALSE(fix_acceptable(*mean, 10));
}

}  // namespace
}  // namespace oneservice::gps
