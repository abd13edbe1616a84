#pragma once
// How the kiosk was asked to run: command line first, then the config file
// (--config FILE, JSON), then defaults that run the bundled demo council.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "kiosk/council_settings.h"
#include "kiosk/field/field_settings.h"
#include "kiosk/inactivity.h"
#include "shared/request.h"

namespace oneservice::kiosk {

// Who the app is for: residents alone at a library (the kiosk), council
// officers on a tablet (field), or a helper beside a resident (assisted,
// a later issue: refused until it exists). One program, one journey engine.
enum class AppMode { Kiosk, Field, Assisted };
std::optional<AppMode> parse_mode(const std::string& text);

// Field mode's own settings (kiosk/field/).
struct FieldOptions {
  int lock_after_minutes = 5;  // the tablet locks itself after this long untouched
  // A GPS fix is offered for the report only when its accuracy is within
  // this many metres; by_service overrides it for one service code.
  double gps_accuracy_m = 10;
  std::map<std::string, double> gps_accuracy_by_service;
  std::string photo_folder;  // "Import from a folder" reads JPEGs here; empty: no import
  std::string gpsd_host = "localhost", gpsd_port = "2947";  // config "gpsd": "HOST:PORT"
  std::string camera = "v4l2src";  // a GStreamer source; empty: no camera on this tablet
};

struct KioskOptions {
  AppMode mode = AppMode::Kiosk;
  FieldOptions field;
  std::string data_dir;     // the outbox lives here
  std::string assets_dir;   // bundled councils
  std::string council = "demo-council";
  std::string council_name;  // from the catalogue when empty
  std::string logo;          // PNG for the header; empty: <assets>/<council>/logo.png if there is one
  Channel channel = Channel::Kiosk;
  bool fullscreen = true;
  // Unset: SDL's software renderer when the machine has no usable GPU
  // (platform/renderer_choice.h); true or false forces it either way.
  std::optional<bool> software_renderer;
  int width = 1280, height = 800;
  int quit_after_ms = 0;  // > 0: close by itself (smoke runs under xvfb)
  // The council's Open311 endpoint and this kiosk's key: with both set, the
  // kiosk sends its queue in the background. Without, it only queues.
  std::string server_url;
  std::string api_key;
  std::string ca_bundle;
  // The council's page for following a request; {reference} is replaced by
  // the request's reference. The confirmation shows it as a QR code.
  std::string tracking_url = "https://www.wealdshire.example/track?ref={reference}";
  std::vector<std::string> languages = {"en", "cy"};  // offered on the language page, in order
  int warn_after_seconds = 90;    // "Do you need more time?"
  int clear_after_seconds = 120;  // everything entered is wiped
  // 4 to 8 digits, from the config file only (never the command line, where
  // other accounts could read it). Empty: the operator screens cannot open.
  std::string operator_pin;
  bool report_startup = false;  // print the time to the first frame
};

struct ParsedOptions {
  KioskOptions options;
  std::string error;  // non-empty: print it with the usage and exit 2
  bool help = false;
};

ParsedOptions parse_options(const std::vector<std::string>& arguments);

// The parts of the options the screens and the inactivity timer use.
CouncilSettings council_settings(const KioskOptions& options);
InactivityPolicy inactivity_policy(const KioskOptions& options);
// The logo to show: the one configured, else the council's bundled one.
std::string logo_path(const KioskOptions& options);
// Field mode's settings as its screens take them.
field::FieldSettings field_settings(const KioskOptions& options);
std::string usage();

}  // namespace oneservice::kiosk
