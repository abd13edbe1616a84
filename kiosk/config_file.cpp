#include "kiosk/config_file.h"

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>
#include <utility>

#include "kiosk/operator/pin_check.h"

namespace oneservice::kiosk {
namespace {

// A timeout: a whole number of seconds an int holds. nlohmann's get<int>()
// casts any number, so 1e300 was undefined behaviour and 4294967386 wrapped
// round to 90 (found by fuzz/kiosk_config).
std::optional<int> whole_seconds(const nlohmann::json& value) {
  if (!value.is_number()) return std::nullopt;
  const double number = value.get<double>();
  if (!(number >= std::numeric_limits<int>::min() && number <= std::numeric_limits<int>::max()) ||
      std::trunc(number) != number)
    return std::nullopt;
  return static_cast<int>(number);
}

// A GPS accuracy threshold: metres, more than 0 and at most a kilometre
// (beyond that a fix says nothing about which side of the road it is).
bool usable_metres(const nlohmann::json& value) {
  return value.is_number() && value.get<double>() > 0 && value.get<double>() <= 1000;
}

std::string apply_field_settings(const nlohmann::json& config, const std::string& path, FieldOptions& field) {
  if (config.contains("lock_after_minutes")) {
    const auto minutes = whole_seconds(config["lock_after_minutes"]);  // whole numbers, as seconds are
    if (!minutes || *minutes < 1 || *minutes > 60)
      return "In " + path + ", lock_after_minutes must be a whole number from 1 to 60.";
    field.lock_after_minutes = *minutes;
  }
  if (config.contains("gps_accuracy_m")) {
    if (!usable_metres(config["gps_accuracy_m"]))
      return "In " + path + ", gps_accuracy_m must be a number of metres above 0 and at most 1000.";
    field.gps_accuracy_m = config["gps_accuracy_m"].get<double>();
  }
  if (config.contains("gps_accuracy_by_service")) {
    const auto& by_service = config["gps_accuracy_by_service"];
    if (!by_service.is_object())
      return "In " + path + ", gps_accuracy_by_service must map service codes to metres.";
    for (const auto& [code, metres] : by_service.items()) {
      if (!usable_metres(metres))
        return "In " + path + ", gps_accuracy_by_service." + code + " must be metres above 0 and at most 1000.";
      field.gps_accuracy_by_service[code] = metres.get<double>();
    }
  }
  if (config.contains("photo_folder")) field.photo_folder = config["photo_folder"].get<std::string>();
  if (config.contains("camera")) field.camera = config["camera"].get<std::string>();
  if (config.contains("gpsd")) {
    const auto where = config["gpsd"].get<std::string>();
    const auto colon = where.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == where.size())
      return "In " + path + ", gpsd must be HOST:PORT, for example localhost:2947.";
    field.gpsd_host = where.substr(0, colon);
    field.gpsd_port = where.substr(colon + 1);
  }
  return {};
}

}  // namespace

// Here rather than in options.cpp: the config library (and its fuzz target) reads it alone.
std::optional<AppMode> parse_mode(const std::string& text) {
  if (text == "kiosk") return AppMode::Kiosk;
  if (text == "field") return AppMode::Field;
  if (text == "assisted") return AppMode::Assisted;
  return std::nullopt;
}

std::string apply_config_file(const std::string& path, KioskOptions& options) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "Cannot read the config file " + path + ". Check the path given to --config.";
  std::ostringstream text;
  text << in.rdbuf();
  return apply_config_text(text.str(), path, options);
}

std::string apply_config_text(const std::string& text, const std::string& path, KioskOptions& options) {
  nlohmann::json config;
  try {
    config = nlohmann::json::parse(text);
  } catch (const nlohmann::json::exception& error) {
    return "The config file " + path + " is not valid JSON: " + error.what();
  }
  if (!config.is_object()) return "The config file " + path + " must hold a JSON object.";
  try {
    if (config.contains("data_dir")) options.data_dir = config["data_dir"].get<std::string>();
    if (config.contains("assets_dir")) options.assets_dir = config["assets_dir"].get<std::string>();
    if (config.contains("council")) options.council = config["council"].get<std::string>();
    if (config.contains("council_name")) options.council_name = config["council_name"].get<std::string>();
    if (config.contains("logo")) options.logo = config["logo"].get<std::string>();
    if (config.contains("fullscreen")) options.fullscreen = config["fullscreen"].get<bool>();
    if (config.contains("software_renderer")) options.software_renderer = config["software_renderer"].get<bool>();
    if (config.contains("server_url")) options.server_url = config["server_url"].get<std::string>();
    if (config.contains("api_key")) options.api_key = config["api_key"].get<std::string>();
    if (config.contains("ca_bundle")) options.ca_bundle = config["ca_bundle"].get<std::string>();
    if (config.contains("tracking_url")) options.tracking_url = config["tracking_url"].get<std::string>();
    if (config.contains("languages")) options.languages = config["languages"].get<std::vector<std::string>>();
    for (const auto& [key, slot] : {std::pair{"warn_after_seconds", &options.warn_after_seconds},
                                    std::pair{"clear_after_seconds", &options.clear_after_seconds}}) {
      if (!config.contains(key)) continue;
      const auto seconds = whole_seconds(config[key]);
      if (!seconds) return "In " + path + ", " + key + " must be a whole number of seconds.";
      *slot = *seconds;
    }
    for (const auto& language : options.languages)
      if (language != "en" && language != "cy") return "In " + path + ", languages may hold \"en\" and \"cy\".";
    if (options.languages.empty()) return "In " + path + ", languages must name at least one language.";
    if (options.warn_after_seconds < 10 || options.clear_after_seconds <= options.warn_after_seconds)
      return "In " + path + ", warn_after_seconds must be 10 or more and clear_after_seconds larger than it.";
    if (config.contains("operator_pin")) {
      // Never quoted back in a message: it may be the real PIN, mistyped.
      const auto& pin = config["operator_pin"];
      if (!pin.is_string() || !is_valid_pin(pin.get<std::string>()))
        return "In " + path + ", operator_pin must be 4 to 8 digits written as text, in quotes.";
      options.operator_pin = pin.get<std::string>();
    }
    if (config.contains("mode")) {
      const auto mode = parse_mode(config["mode"].get<std::string>());
      if (!mode) return "In " + path + ", mode must be kiosk or field.";
      if (*mode == AppMode::Assisted)
        return "In " + path + ", mode assisted is not available yet: use kiosk or field.";
      options.mode = *mode;
      // An officer's reports are the field channel's unless the file says otherwise below.
      if (*mode == AppMode::Field) options.channel = Channel::Field;
    }
    if (config.contains("channel")) {
      const auto channel = parse_channel(config["channel"].get<std::string>());
      if (!channel) return "In " + path + ", channel must be kiosk, field or assisted.";
      options.channel = *channel;
    }
    if (const auto problem = apply_field_settings(config, path, options.field); !problem.empty()) return problem;
  } catch (const nlohmann::json::exception&) {
    return "In " + path + ", a setting has the wrong type: names are text, fullscreen and software_renderer are true or "
           "false, languages is a list of text, timeouts are whole seconds.";
  }
  return {};
}

}  // namespace oneservice::kiosk
