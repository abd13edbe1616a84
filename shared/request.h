#pragma once
// One service request as the device makes it: what the resident answered,
// where, and how to reach them. The client id is made on the device and
// travels with the request as its idempotency key, so a resend after a lost
// reply can never open a second case.
#include <optional>
#include <string>

#include "shared/answers.h"

namespace oneservice {

// How a request reached the council. On the server the device key's channel
// is the one stored, whatever the request says.
enum class Channel { Kiosk, Field, Assisted, Web };

// The assisted channel's account of a report: whom the helper made it for,
// and how the resident reached them. Absent (nullopt): not said, as in every
// request made before these existed and on other channels.
enum class ReportedFor { Resident, Anonymous };  // "on behalf of a named resident" | "anonymously"
enum class AssistedVia { Phone, InPerson };

// Where a point came from, so the office can judge how far to trust it:
// the tablet's GPS (with its accuracy), a photo's own EXIF position, a tap
// or drag on the map, or words (an address typed, no point). Absent: not
// said, as in every request made before this existed.
enum class LocationSource { Gps, Photo, Map, Words };

struct Location {
  std::optional<double> lat;
  std::optional<double> lon;  // Open311 "long"
  std::string address_string;
  std::optional<LocationSource> source;
  std::optional<double> accuracy_m;  // horizontal, metres (GPS)

  bool has_point() const { return lat.has_value() && lon.has_value(); }
  bool empty() const { return !has_point() && address_string.empty(); }
};

struct Contact {
  std::string first_name;
  std::string last_name;
  std::string email;
  std::string phone;

  bool empty() const {
    return first_name.empty() && last_name.empty() && email.empty() && phone.empty();
  }
};

struct ServiceRequest {
  std::string client_id;  // UUIDv4
  std::string service_code;
  std::string catalogue_version;  // discovery changeset it was made against
  Answers answers;
  Location location;
  std::string description;
  Contact contact;
  Channel channel = Channel::Kiosk;
  std::string created_at;  // UTC, ISO 8601, e.g. 2026-11-22T14:03:00Z
  std::optional<ReportedFor> reported_for;
  std::optional<AssistedVia> assisted_via;
  // The language the resident used ("cy", "en"; a BCP 47 tag), so the
  // council answers them in it (central's emails); empty: not said. Sent
  // as Accept-Language, never as a form field.
  std::string language;
};

// A BCP 47 tag as the device sends it: letters, digits and hyphens, 1 to 35
// of them (no space, CR or LF can reach a header).
bool valid_language_tag(const std::string& text);

std::string to_string(Channel channel);
std::optional<Channel> parse_channel(const std::string& text);
// For messages about an unknown channel.
inline constexpr const char* kChannelNames = "kiosk, field, assisted or web";

std::string to_string(LocationSource source);  // gps | photo | map | words
std::optional<LocationSource> parse_location_source(const std::string& text);

std::string to_string(ReportedFor reported_for);  // resident | anonymous
std::optional<ReportedFor> parse_reported_for(const std::string& text);
std::string to_string(AssistedVia via);  // phone | in_person
std::optional<AssistedVia> parse_assisted_via(const std::string& text);

}  // namespace oneservice
