// format_utc / parse_iso8601, and the Clock seam.
#include <gtest/gtest.h>

#include <chrono>

#include "shared/clock.h"

using namespace oneservice;
using namespace std::chrono;

namespace {

TimePoint utc(int y, unsigned m, unsigned d, int hh = 0, int mm = 0, int ss = 0) {
  return sys_days{year{y} / month{m} / day{d}} + hours{hh} + minutes{mm} + seconds{ss};
}

}  // namespace

TEST(Clock, FormatUtc) {
  EXPECT_EQ(format_utc(utc(2026, 11, 22, 14, 3, 0)), "2026-11-22T14:03:00Z");
  EXPECT_EQ(format_utc(utc(1970, 1, 1)), "1970-01-01T00:00:00Z");
  EXPECT_EQ(format_utc(utc(2024, 2, 29, 23, 59, 59)), "2024-02-29T23:59:59Z");
  // Second precision: fractions are dropped, not rounded up.
  EXPECT_EQ(format_utc(utc(2026, 1, 2, 3, 4, 5) + milliseconds(999)), "2026-01-02T03:04:05Z");
}

TEST(Clock, RoundTrip) {
  for (const auto when : {utc(2026, 11, 22, 14, 3, 0), utc(2000, 1, 1), utc(2024, 2, 29, 12, 0, 1),
                          utc(2099, 12, 31, 23, 59, 59), utc(1999, 12, 31, 23, 59, 59)}) {
    const auto text = format_utc(when);
    const auto back = parse_iso8601(text);
    ASSERT_TRUE(back.has_value()) << text;
    EXPECT_EQ(*back, when) << text;
    EXPECT_EQ(format_utc(*back), text);
  }
}

TEST(Clock, ParsesZulu) {
  EXPECT_EQ(parse_iso8601("2026-11-22T14:03:00Z"), utc(2026, 11, 22, 14, 3, 0));
  EXPECT_EQ(parse_iso8601("2026-11-22T14:03Z"), utc(2026, 11, 22, 14, 3, 0));
  EXPECT_EQ(parse_iso8601("2026-11-22T14:03:07.123456Z"), utc(2026, 11, 22, 14, 3, 7));
}

TEST(Clock, OffsetsConvertToUtc) {
  // +01:00 is British Summer Time: 10:00 there is 09:00 UTC.
  EXPECT_EQ(parse_iso8601("2026-06-01T10:00:00+01:00"), utc(2026, 6, 1, 9, 0, 0));
  EXPECT_EQ(parse_iso8601("2026-06-01T10:00:00-05:30"), utc(2026, 6, 1, 15, 30, 0));
  EXPECT_EQ(parse_iso8601("2026-06-01T10:00:00+00:00"), utc(2026, 6, 1, 10, 0, 0));
  EXPECT_EQ(parse_iso8601("2026-06-01T10:00:00-00:00"), utc(2026, 6, 1, 10, 0, 0));
  // Crossing midnight and a year end.
  EXPECT_EQ(parse_iso8601("2027-01-01T00:30:00+01:00"), utc(2026, 12, 31, 23, 30, 0));
  EXPECT_EQ(parse_iso8601("2026-12-31T23:30:00-01:00"), utc(2027, 1, 1, 0, 30, 0));
  EXPECT_EQ(parse_iso8601("2026-06-01T10:00:00+14:00"), utc(2026, 5, 31, 20, 0, 0));
}

TEST(Clock, DateOnlyIsMidnightUtcAndNoZoneIsUtc) {
  EXPECT_EQ(parse_iso8601("2026-11-22"), utc(2026, 11, 22));
  EXPECT_EQ(parse_iso8601("2026-11-22T14:03:00"), utc(2026, 11, 22, 14, 3, 0));
  EXPECT_EQ(parse_iso8601("2026-11-22 14:03"), utc(2026, 11, 22, 14, 3, 0));
}

TEST(Clock, LeapYears) {
  EXPECT_EQ(parse_iso8601("2024-02-29"), utc(2024, 2, 29));
  EXPECT_EQ(parse_iso8601("2000-02-29"), utc(2000, 2, 29));  // divisible by 400
  EXPECT_FALSE(parse_iso8601("2026-02-29").has_value());
  EXPECT_FALSE(parse_iso8601("1900-02-29").has_value());  // divisible by 100
  EXPECT_FALSE(parse_iso8601("2024-02-30").has_value());
  EXPECT_TRUE(parse_iso8601("2026-02-28").has_value());
}

TEST(Clock, ImpossibleDatesAndTimes) {
  for (const char* bad : {"2026-04-31", "2026-06-31", "2026-09-31", "2026-11-31", "2026-01-32", "2026-00-01",
                          "2026-13-01", "2026-01-00", "2026-11-22T24:00:00Z", "2026-11-22T23:60:00Z",
                          "2026-11-22T23:59:60Z", "2026-11-22T10:00:00+15:00", "2026-11-22T10:00:00+01:60"})
    EXPECT_FALSE(parse_iso8601(bad).has_value()) << bad;
  for (const char* good : {"2026-01-31", "2026-03-31", "2026-12-31", "2026-04-30"})
    EXPECT_TRUE(parse_iso8601(good).has_value()) << good;
}

TEST(Clock, GarbageRefused) {
  for (const char* bad : {"", "now", "2026", "2026-11", "2026-1-22", "26-11-22", "2026/11/22", "22-11-2026",
                          "2026-11-22T", "2026-11-22T14", "2026-11-22T14:3", "2026-11-22T14:03:0",
                          "2026-11-22T14:03:00ZZ", "2026-11-22T14:03:00+0100", "2026-11-22T14:03:00+01",
                          "2026-11-22T14:03:00 Z", "2026-11-22Z", "2026-11-22x", " 2026-11-22", "2026-11-22 ",
                          "2026-11-22t14:03:00z", "２０２６-11-22", "1700000000"})
    EXPECT_FALSE(parse_iso8601(bad).has_value()) << bad;
  // Not NUL-terminated: the parser must keep to the view it was given.
  const std::string text = "2026-11-22T14:03:00Z";
  EXPECT_FALSE(parse_iso8601(std::string_view(text).substr(0, 12)).has_value());
  EXPECT_EQ(parse_iso8601(std::string_view(text).substr(0, 10)), utc(2026, 11, 22));
}

TEST(Clock, CanBeSetForTests) {
  Clock clock;
  const auto real = clock.now();
  EXPECT_GT(real, utc(2020, 1, 1));
  clock.now = [] { return utc(2026, 11, 22, 14, 3, 0); };
  EXPECT_EQ(format_utc(clock.now()), "2026-11-22T14:03:00Z");
}
