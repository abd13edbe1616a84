// The GPS reader against a real gpsd: gpsfake replays NMEA logs the tests
// write (tests/support/nmea_log.h) on a loopback port of the test's own.
// Every wait has a deadline and no assertion depends on how fast the
// machine is: a test waits for what it expects to see.
#include "platform/gps/fix_rules.h"
#include "platform/gps/gps_reader.h"

#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <set>

#include "support/deadline.h"
#include "support/gpsfake_process.h"
#include "support/nmea_log.h"
#include "support/temp_folder.h"

namespace oneservice::gps {
namespace {

using test_support::wait_until;

class GpsReaderTest : public ::testing::Test {
 protected:
  std::string write_log(const std::vector<test_support::NmeaEpoch>& epochs) {
    const auto path = folder_.file("receiver.nmea");
    std::ofstream(path, std::ios::binary) << test_support::nmea_log(epochs);
    return path;
  }
  std::unique_ptr<test_support::GpsFake> start_gpsd(const std::string& log) {
    return std::make_unique<test_support::GpsFake>(log, port_, folder_.path());
  }
  bool wait_for_state(const GpsReader& reader, GpsState state) {
    return wait_until([&] { return reader.latest().state == state; });
  }

  test_support::TempFolder folder_;
  const std::string port_ = test_support::free_loopback_port();
};

TEST_F(GpsReaderTest, FollowsAWalkAlongARoadWithAnAcceptableFix) {
  auto gpsd = start_gpsd(write_log(test_support::walk_along_road()));
  GpsReader reader("127.0.0.1", port_);
  reader.start();
  ASSERT_TRUE(wait_for_state(reader, GpsState::HasFix)) << gpsd->output();

  std::set<double> latitudes;
  std::vector<Fix> fixes;
  ASSERT_TRUE(wait_until([&] {
    const auto reading = reader.latest();
    if (reading.fix && reading.fix->satellites_used > 0 && latitudes.insert(reading.fix->lat).second)
      fixes.push_back(*reading.fix);
    return latitudes.size() >= 3;
  })) << "the position did not move along the road";

  const double end_lat = test_support::kWalkStartLat + 20 * test_support::kWalkStepLat;
  for (const auto& fix : fixes) {
    EXPECT_NEAR(fix.lon, test_support::kWalkLon, 1e-7);
    EXPECT_GE(fix.lat, test_support::kWalkStartLat - 1e-7);
    EXPECT_LE(fix.lat, end_lat);
    ASSERT_TRUE(fix.accuracy_m);
    EXPECT_GT(*fix.accuracy_m, 0);
    EXPECT_TRUE(fix_acceptable(fix, 10)) << "accuracy " << *fix.accuracy_m << " m";
    EXPECT_EQ(fix.satellites_used, 9);
    EXPECT_EQ(fix.satellites_seen, 12);
    EXPECT_LE(fix_age(fix, std::chrono::system_clock::now()), test_support::kWaitLimit);
  }
  const auto generation = reader.generation();
  EXPECT_TRUE(wait_until([&] { return reader.generation() != generation; })) << "a walking fix should keep changing";
}

TEST_F(GpsReaderTest, APoorFixIsReportedButNotAccepted) {
  auto gpsd = start_gpsd(write_log(test_support::poor_fix()));
  GpsReader reader("127.0.0.1", port_);
  reader.start();
  Fix fix;
  ASSERT_TRUE(wait_until([&] {
    const auto reading = reader.latest();
    if (reading.fix) fix = *reading.fix;
    return reading.fix && reading.fix->satellites_used == 4;
  })) << gpsd->output();
  ASSERT_TRUE(fix.accuracy_m);
  EXPECT_GT(*fix.accuracy_m, 10) << "HDOP 4.5 should give a poor accuracy";
  EXPECT_FALSE(fix_acceptable(fix, 10));
  EXPECT_NEAR(fix.lat, 51.4830, 1e-7);

  // Averaging poor readings does not make them acceptable.
  FixAverager averager;
  std::set<TimePoint> seen;
  ASSERT_TRUE(wait_until([&] {
    const auto reading = reader.latest();
    if (reading.fix && seen.insert(reading.fix->at).second) averager.add(*reading.fix);
    return averager.count() >= 3;
  }));
  ASSERT_TRUE(averager.average());
  EXPECT_FALSE(fix_acceptable(*averager.average(), 10));
}

TEST_F(GpsReaderTest, NoFixIsSearchingWithTheSatellitesInView) {
  auto gpsd = start_gpsd(write_log(test_support::no_fix()));
  GpsReader reader("127.0.0.1", port_);
  reader.start();
  bool ever_fixed = false;
  ASSERT_TRUE(wait_until([&] {
    const auto reading = reader.latest();
    ever_fixed = ever_fixed || reading.state == GpsState::HasFix || reading.fix.has_value();
    return reading.state == GpsState::Searching && reading.satellites_seen == 3;
  })) << gpsd->output();
  EXPECT_FALSE(ever_fixed);
  EXPECT_FALSE(reader.latest().fix);
}

TEST_F(GpsReaderTest, LosingTheFixForgetsThePosition) {
  // Walking into a building: ten seconds with a fix, then none.
  auto epochs = test_support::walk_along_road(10);
  const auto indoors = test_support::no_fix(10);
  epochs.insert(epochs.end(), indoors.begin(), indoors.end());
  auto gpsd = start_gpsd(write_log(epochs));
  GpsReader reader("127.0.0.1", port_);
  reader.start();
  ASSERT_TRUE(wait_for_state(reader, GpsState::HasFix)) << gpsd->output();
  ASSERT_TRUE(wait_for_state(reader, GpsState::Searching))
      << "the fix was lost: the reader should search again; " << gpsd->output();
  EXPECT_FALSE(reader.latest().fix) << "no stale position once the fix is gone";
}

TEST_F(GpsReaderTest, WaitsForGpsdAndConnectsAgainWhenItComesBack) {
  GpsReader reader("127.0.0.1", port_);
  reader.start();
  // Nothing listens on the port: gpsd is not running. The reader keeps
  // trying and never claims more than that.
  EXPECT_FALSE(wait_until([&] { return reader.latest().state != GpsState::NoGpsd; }, std::chrono::milliseconds(1500)));

  const auto log = write_log(test_support::walk_along_road());
  auto gpsd = start_gpsd(log);
  ASSERT_TRUE(wait_for_state(reader, GpsState::HasFix)) << "gpsd started: the reader should find it; " << gpsd->output();

  gpsd->stop();
  ASSERT_TRUE(wait_for_state(reader, GpsState::NoGpsd)) << "gpsd stopped: the reader should say so; " << gpsd->output();
  EXPECT_FALSE(reader.latest().fix);

  gpsd = start_gpsd(log);
  ASSERT_TRUE(wait_for_state(reader, GpsState::HasFix))
      << "gpsd came back: the reader should connect again; " << gpsd->output();

  reader.stop();
  EXPECT_EQ(reader.latest().state, GpsState::NoGpsd);
}

}  // namespace
}  // namespace oneservice::gps
