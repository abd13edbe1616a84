#pragma once
// NMEA 0183 logs the GPS tests make for themselves (RMC, GGA, GSA and GSV
// sentences, one second apart), for gpsfake to replay to a real gpsd. gpsd
// works a fix's eph out of the HDOP (about 19 m per unit of HDOP for NMEA
// receivers in gpsd 3.22), so HDOP is what makes a fix good or poor here.
#include <string>
#include <vector>

namespace oneservice::test_support {

struct NmeaEpoch {
  double lat = 0, lon = 0;
  int quality = 1;  // GGA's fix quality: 0 none, 1 GPS, 2 DGPS
  int satellites_used = 0, satellites_seen = 0;
  double hdop = 99.9;
};

// The sentences for `epochs`, starting at 12:00:00 UTC on 8 December 2026.
std::string nmea_log(const std::vector<NmeaEpoch>& epochs);

// Walking north along a road in Cardiff with a clear sky: HDOP 0.4
// (eph about 8 m), 9 satellites used of 12 seen; each step 0.00005
// degrees of latitude (about 5.6 m).
std::vector<NmeaEpoch> walk_along_road(int steps = 20);
inline constexpr double kWalkStartLat = 51.4816, kWalkLon = -3.1791, kWalkStepLat = 0.00005;

// Standing between tall buildings: a fix, but HDOP 4.5 from 4 satellites
// (eph about 85 m) that must not be accepted.
std::vector<NmeaEpoch> poor_fix(int epochs = 20);

// Indoors: 3 satellites seen, none used, no position at all.
std::vector<NmeaEpoch> no_fix(int epochs = 20);

// The NMEA checksum of what lies between '$' and '*'.
std::string nmea_checksum(const std::string& body);

}  // namespace oneservice::test_support
