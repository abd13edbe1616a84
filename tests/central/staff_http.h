#pragma once
// What the staff suites share when they talk to the ApiServer: an answer
// with its headers, and Open311's error list read in either format.
#include <httplib.h>

#include <string>
#include <utility>
#include <vector>

namespace oneservice::central::test {

using Fields = std::vector<std::pair<std::string, std::string>>;

// The secret every staff test account is made with.
inline constexpr const char* kStaffSecret = "correct horse battery";

struct Answer {
  int status = 0;
  std::string body;
  httplib::Headers headers;

  std::string header(const std::string& name) const;
};

Answer answer_of(const httplib::Result& result);

// The error texts of an Open311 error list ("json" or "xml"), each checked
// (gtest) to carry the HTTP status as its code.
std::vector<std::string> error_texts(const Answer& answer, const std::string& format);

}  // namespace oneservice::central::test
