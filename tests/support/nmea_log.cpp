#include "support/nmea_log.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace oneservice::test_support {
namespace {

std::string sentence(const std::string& body) { return "$" + body + "*" + nmea_checksum(body) + "\r\n"; }

// ddmm.mmmm (latitude) or dddmm.mmmm (longitude) and its hemisphere letter.
std::string degrees_minutes(double value, bool latitude) {
  const double magnitude = std::fabs(value);
  const int degrees = static_cast<int>(magnitude);
  const double minutes = (magnitude - degrees) * 60.0;
  char text[32];
  std::snprintf(text, sizeof text, latitude ? "%02d%07.4f," : "%03d%07.4f,", degrees, minutes);
  return std::string(text) + (latitude ? (value < 0 ? "S" : "N") : (value < 0 ? "W" : "E"));
}

std::string format(const char* pattern, double value) {
  char text[32];
  std::snprintf(text, sizeof text, pattern, value);
  return text;
}

// An integer padded with zeros to `width` digits, as NMEA writes PRNs.
std::string digits(int value, int width) {
  char text[16];
  std::snprintf(text, sizeof text, "%0*d", width, value);
  return text;
}

std::string epoch_sentences(const NmeaEpoch& epoch, int second) {
  char time[16];
  std::snprintf(time, sizeof time, "12%02d%02d.00", second / 60 % 60, second % 60);
  const bool fixed = epoch.quality > 0;
  const std::string position =
      fixed ? degrees_minutes(epoch.lat, true) + "," + degrees_minutes(epoch.lon, false) : std::string(",,,");
  std::string out;
  out += sentence("GPRMC," + std::string(time) + (fixed ? ",A," : ",V,") + position + ",0.5,0.0,081226,,");
  out += sentence("GPGGA," + std::string(time) + "," + position + "," + std::to_string(epoch.quality) + "," +
                  std::to_string(epoch.satellites_used) + "," + (fixed ? format("%.1f", epoch.hdop) : "") +
                  ",20.0,M,48.0,M,,");
  std::string used;
  for (int i = 0; i < 12; ++i)
    used += (i < epoch.satellites_used ? digits(i + 1, 2) : std::string()) + ",";
  const std::string dop = fixed ? format("%.1f", epoch.hdop * 1.3) + "," + format("%.1f", epoch.hdop) + "," +
                                      format("%.1f", epoch.hdop)
                                : std::string(",,");
  out += sentence("GPGSA,A," + std::string(fixed ? "3," : "1,") + used + dop);
  const int pages = (epoch.satellites_seen + 3) / 4;
  for (int page = 0; page < pages; ++page) {
    std::string body = "GPGSV," + std::to_string(pages) + "," + std::to_string(page + 1) + "," +
                       digits(epoch.satellites_seen, 2);
    for (int i = page * 4; i < std::min(epoch.satellites_seen, page * 4 + 4); ++i) {
      const bool in_use = i < epoch.satellites_used;
      body += "," + digits(i + 1, 2) + "," + digits(20 + i * 5, 2) + "," + digits(i * 30, 3) +
              "," + (in_use ? "40" : "");
    }
    out += sentence(body);
  }
  return out;
}

}  // namespace

std::string nmea_checksum(const std::string& body) {
  unsigned char sum = 0;
  for (const char c : body) sum = static_cast<unsigned char>(sum ^ static_cast<unsigned char>(c));
  char text[3];
  std::snprintf(text, sizeof text, "%02X", sum);
  return text;
}

std::string nmea_log(const std::vector<NmeaEpoch>& epochs) {
  std::string log;
  for (std::size_t i = 0; i < epochs.size(); ++i) log += epoch_sentences(epochs[i], static_cast<int>(i));
  return log;
}

std::vector<NmeaEpoch> walk_along_road(int steps) {
  std::vector<NmeaEpoch> walk;
  for (int i = 0; i < steps; ++i) walk.push_back({kWalkStartLat + i * kWalkStepLat, kWalkLon, 1, 9, 12, 0.4});
  return walk;
}

std::vector<NmeaEpoch> poor_fix(int epochs) {
  return std::vector<NmeaEpoch>(static_cast<std::size_t>(epochs), NmeaEpoch{51.4830, -3.1810, 1, 4, 5, 4.5});
}

std::vector<NmeaEpoch> no_fix(int epochs) {
  return std::vector<NmeaEpoch>(static_cast<std::size_t>(epochs), NmeaEpoch{0, 0, 0, 0, 3, 99.9});
}

}  // namespace oneservice::test_support
