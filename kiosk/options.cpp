#include "kiosk/options.h"

#include "kiosk/config_file.h"
#include "platform/paths.h"

namespace oneservice::kiosk {
namespace {

bool parse_size(const std::string& text, int& width, int& height) {
  const auto x = text.find('x');
  if (x == std::string::npos) return false;
  try {
    width = std::stoi(text.substr(0, x));
    height = std::stoi(text.substr(x + 1));
  } catch (const std::exception&) {
    return false;
  }
  return width >= 320 && height >= 240 && width <= 16384 && height <= 16384;
}

}  // namespace

std::string usage() {
  return "Usage: oneservice-kiosk [--data DIR] [--config FILE] [--assets DIR] [--council NAME]\n"
         "                        [--windowed [WIDTHxHEIGHT]] [--software-renderer] [--quit-after SECONDS]\n"
         "                        [--report-startup]\n"
         "Runs the kiosk full screen on the bundled demo council unless told otherwise.\n"
         "The config file is JSON with any of: data_dir, assets_dir, council, council_name, channel,\n"
         "logo, fullscreen, software_renderer, server_url, api_key, ca_bundle, tracking_url (with {reference}),\n"
         "languages ([\"en\", \"cy\"]), warn_after_seconds, clear_after_seconds, operator_pin, mode\n"
         "(\"kiosk\" or \"field\"), and for field mode lock_after_minutes, gps_accuracy_m,\n"
         "gps_accuracy_by_service ({\"pothole\": 5}), photo_folder, camera (a GStreamer\n"
         "source, \"v4l2src\" by default) and gpsd (HOST:PORT). With\n"
         "server_url and api_key the kiosk sends its queue to the council in the background.\n"
         "operator_pin (4 to 8 digits, in quotes) opens the operator screen: hold the top-left corner of\n"
         "the screen for 3 seconds between requests, then enter it.\n"
         "--report-startup prints the time from process start to the first frame on stderr.\n";
}

CouncilSettings council_settings(const KioskOptions& options) { return {options.tracking_url, options.languages}; }

InactivityPolicy inactivity_policy(const KioskOptions& options) {
  return {std::chrono::seconds(options.warn_after_seconds), std::chrono::seconds(options.clear_after_seconds)};
}

std::string logo_path(const KioskOptions& options) {
  return options.logo.empty() ? options.assets_dir + "/" + options.council + "/logo.png" : options.logo;
}

field::FieldSettings field_settings(const KioskOptions& options) {
  return {std::chrono::minutes(options.field.lock_after_minutes), options.field.gps_accuracy_m,
          options.field.gps_accuracy_by_service, options.field.photo_folder};
}

ParsedOptions parse_options(const std::vector<std::string>& arguments) {
  ParsedOptions parsed;
  auto& options = parsed.options;
  options.data_dir = platform::default_data_dir();
  options.assets_dir = ONESERVICE_ASSETS_DIR;
  // The config file is applied first, so flags on the command line win.
  for (std::size_t i = 0; i + 1 < arguments.size(); ++i)
    if (arguments[i] == "--config") {
      parsed.error = apply_config_file(arguments[i + 1], options);
      if (!parsed.error.empty()) return parsed;
    }
  for (std::size_t i = 0; i < arguments.size(); ++i) {
    const auto& argument = arguments[i];
    const bool has_value = i + 1 < arguments.size();
    if (argument == "--help" || argument == "-h") {
      parsed.help = true;
    } else if ((argument == "--data" || argument == "--config" || argument == "--assets" ||
                argument == "--council" || argument == "--quit-after") && !has_value) {
      parsed.error = argument + " needs a value.";
    } else if (argument == "--data") {
      options.data_dir = arguments[++i];
    } else if (argument == "--config") {
      ++i;
    } else if (argument == "--assets") {
      options.assets_dir = arguments[++i];
    } else if (argument == "--council") {
      options.council = arguments[++i];
    } else if (argument == "--quit-after") {
      try {
        options.quit_after_ms = static_cast<int>(std::stod(arguments[++i]) * 1000);
      } catch (const std::exception&) {
        parsed.error = "--quit-after needs a number of seconds.";
      }
    } else if (argument == "--windowed") {
      options.fullscreen = false;
      if (has_value && arguments[i + 1].find('x') != std::string::npos && arguments[i + 1][0] != '-') {
        if (!parse_size(arguments[++i], options.width, options.height))
          parsed.error = "--windowed takes a size like 1280x800.";
      }
    } else if (argument == "--software-renderer") {
      options.software_renderer = true;
    } else if (argument == "--report-startup") {
      options.report_startup = true;
    } else {
      parsed.error = "Unknown option " + argument + ".";
    }
    if (!parsed.error.empty()) return parsed;
  }
  return parsed;
}

}  // namespace oneservice::kiosk
