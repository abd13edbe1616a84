#pragma once
// Helpers shared by the shared/ test files: the demo catalogue, a fixed
// "now", and small builders for hand-made catalogues.
#include <gtest/gtest.h>

#include <algorithm>
#include <cctype>
#include <chrono>
#include <string>
#include <vector>

#include "shared/catalogue.h"
#include "shared/catalogue_json.h"
#include "shared/clock.h"
#include "shared/routing.h"
#include "shared/validation.h"

namespace oneservice::testing {

inline std::string demo_catalogue_path() {
  return std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/catalogue.json";
}

// Loaded once per test binary; the tests only read it.
inline const Catalogue& demo_catalogue() {
  static const Catalogue catalogue = load_catalogue_file(demo_catalogue_path());
  return catalogue;
}

// The demo council's boundaries, loaded once per test binary.
inline const Boundaries& demo_boundaries() {
  static const Boundaries boundaries =
      Boundaries::load_file(std::string(ONESERVICE_ASSETS_DIR) + "/demo-council/boundaries.geojson");
  return boundaries;
}

inline const Service& demo_service(const std::string& code) {
  const auto* service = demo_catalogue().find_service(code);
  if (!service) throw std::runtime_error("demo catalogue has no service " + code);
  return *service;
}

inline const Attribute& demo_attribute(const std::string& service, const std::string& code) {
  const auto* attribute = demo_service(service).find_attribute(code);
  if (!attribute) throw std::runtime_error("demo service " + service + " has no attribute " + code);
  return *attribute;
}

// 2026-11-22T14:03:00Z, a fixed "now" so no test depends on the real clock.
inline TimePoint fixed_now() {
  using namespace std::chrono;
  return sys_days{year{2026} / November / 22} + hours{14} + minutes{3};
}

inline std::string lower(std::string text) {
  std::transform(text.begin(), text.end(), text.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return text;
}

// GOV.UK style: say what to do, never blame or plead.
inline ::testing::AssertionResult reads_like_govuk(const std::string& message) {
  if (message.empty()) return ::testing::AssertionFailure() << "message is empty";
  const auto text = lower(message);
  for (const char* word : {"invalid", "required", "please", "oops", "error"})
    if (text.find(word) != std::string::npos)
      return ::testing::AssertionFailure() << "\"" << message << "\" contains \"" << word << "\"";
  if (!std::isupper(static_cast<unsigned char>(message.front())))
    return ::testing::AssertionFailure() << "\"" << message << "\" does not start with a capital";
  if (message.back() == '.' || message.back() == '!')
    return ::testing::AssertionFailure() << "\"" << message << "\" ends with punctuation";
  return ::testing::AssertionSuccess();
}

inline std::vector<Problem> problems_of(const std::vector<FieldError>& errors) {
  std::vector<Problem> out;
  for (const auto& e : errors) out.push_back(e.problem);
  return out;
}

inline const FieldError* find_error(const std::vector<FieldError>& errors, const std::string& field) {
  for (const auto& e : errors)
    if (e.field == field) return &e;
  return nullptr;
}

inline std::string repeat(const std::string& unit, std::size_t times) {
  std::string out;
  out.reserve(unit.size() * times);
  for (std::size_t i = 0; i < times; ++i) out += unit;
  return out;
}

}  // namespace oneservice::testing
