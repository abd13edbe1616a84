// Field mode's settings in the config file: the mode, the idle lock, GPS
// thresholds (a default and per service), the photo folder, the camera and
// gpsd; each refusal names the setting. And the threshold a service gets.
#include <gtest/gtest.h>

#include "kiosk/config_file.h"
#include "kiosk/field/field_settings.h"
#include "kiosk/options.h"

using namespace oneservice;
using namespace oneservice::kiosk;

namespace {

std::string apply(const std::string& text, KioskOptions& options) {
  return apply_config_text(text, "field.json", options);
}

TEST(FieldConfig, ReadsEveryFieldSetting) {
  KioskOptions options;
  ASSERT_EQ(apply(R"({"mode": "field", "lock_after_minutes": 3, "gps_accuracy_m": 8,
                      "gps_accuracy_by_service": {"streetlight": 25}, "photo_folder": "/srv/photos",
                      "camera": "videotestsrc", "gpsd": "127.0.0.1:3947"})",
                  options),
            "");
  EXPECT_EQ(options.mode, AppMode::Field);
  EXPECT_EQ(options.channel, Channel::Field);
  const auto settings = field_settings(options);
  EXPECT_EQ(settings.lock_after, std::chrono::minutes(3));
  EXPECT_EQ(field::accuracy_needed(settings, "pothole"), 8);
  EXPECT_EQ(field::accuracy_needed(settings, "streetlight"), 25);
  EXPECT_EQ(settings.photo_folder, "/srv/photos");
  EXPECT_EQ(options.field.camera, "videotestsrc");
  EXPECT_EQ(options.field.gpsd_host, "127.0.0.1");
  EXPECT_EQ(options.field.gpsd_port, "3947");
}

TEST(FieldConfig, KioskStaysTheDefault) {
  KioskOptions options;
  ASSERT_EQ(apply("{}", options), "");
  EXPECT_EQ(options.mode, AppMode::Kiosk);
  EXPECT_EQ(options.channel, Channel::Kiosk);
  EXPECT_EQ(field_settings(options).lock_after, std::chrono::minutes(5));
  EXPECT_EQ(field::accuracy_needed(field_settings(options), "pothole"), 10);
}

TEST(FieldConfig, RefusesWhatItCannotUseNamingTheSetting) {
  const std::pair<const char*, const char*> cases[] = {
      {R"({"mode": "assisted"})", "mode assisted is not available yet"},
      {R"({"mode": "tablet"})", "mode must be kiosk or field"},
      {R"({"lock_after_minutes": 0})", "lock_after_minutes must be a whole number from 1 to 60"},
      {R"({"lock_after_minutes": 2.5})", "lock_after_minutes must be a whole number from 1 to 60"},
      {R"({"gps_accuracy_m": -1})", "gps_accuracy_m must be a number of metres"},
      {R"({"gps_accuracy_by_service": {"pothole": 0}})", "gps_accuracy_by_service.pothole must be metres"},
      {R"({"gps_accuracy_by_service": [5]})", "gps_accuracy_by_service must map service codes to metres"},
      {R"({"gpsd": "localhost"})", "gpsd must be HOST:PORT"},
  };
  for (const auto& [text, message] : cases) {
    KioskOptions options;
    EXPECT_NE(apply(text, options).find(message), std::string::npos) << text << ": " << apply(text, options);
  }
}

}  // namespace
